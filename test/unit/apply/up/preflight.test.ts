import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/api/create-context.js';
import { preflight } from '../../../../src/apply/up/preflight.js';
import { planUp } from '../../../../src/plan/plan.js';
import { recordedRunner } from '../../../../src/runtime/recorded-process-runner.js';
import { container, FakeDocker, k3dNode } from '../../../support/unit/fake-docker.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';
import { FakePortProbe, k3dVersion, kindVersion } from '../../../support/unit/world.js';
import { upState } from '../../../support/unit/up-state.js';

const dirs = tempDirs();
let dir: string;
let docker: FakeDocker;
let probe: FakePortProbe;
beforeEach(async () => {
  dir = await dirs.make();
  docker = new FakeDocker();
  probe = new FakePortProbe();
});
afterEach(() => dirs.cleanup());

function setup(preset: 'kind' | 'k3d', ports: string[] = [], env: Record<string, string> = {}) {
  const runner = recordedRunner([preset === 'kind' ? kindVersion() : k3dVersion()]);
  const ctx = createContext({
    state: dir,
    env: { HOME: dir, ...env },
    docker,
    runner,
    portProbe: probe,
    binaries: { kind: 'kind', k3d: 'k3d' },
  });
  const plan = planUp(builtinPreset(preset), { name: 'dev', ports });
  const state = upState(ctx, plan);
  return { runner, ctx, state };
}

const publishing = (name: string, hostIp: string, hostPort: number, protocol = 'tcp') =>
  container(name, {}, { ports: [{ containerPort: 80, protocol, hostIp, hostPort }] });

describe('preflight', () => {
  it("doctor's cgroup check blocks a v1.35+ cluster on cgroup v1 (exit 5) before the engine is asked anything", async () => {
    docker.dockerInfo = { ...docker.dockerInfo, cgroupVersion: '1' };
    const { runner, ctx, state } = setup('kind');
    const err = await preflight.run(ctx, state).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'preflight-cgroup', exitCode: 5 });
    expect((err as Error).message).toMatch(
      /^cgroup version: cgroup v1: the kubelet of Kubernetes v1\.35\+ refuses to start on it \(kind v1\.\d+\.\d+\)$/,
    );
    expect((err as { hint: string }).hint).toContain('or, if you know better, pass --ignore-preflight-errors cgroup');
    expect(runner.calls).toEqual([]);
    expect(docker.containerQueries).toEqual([]);
  });

  it('KINDLING_IGNORE_PREFLIGHT_ERRORS=cgroup passes over that failure; an unknown check id is refused (exit 2)', async () => {
    docker.dockerInfo = { ...docker.dockerInfo, cgroupVersion: '1' };
    const passed = setup('kind', [], { KINDLING_IGNORE_PREFLIGHT_ERRORS: 'cgroup' });
    await preflight.run(passed.ctx, passed.state);
    passed.runner.assertDone();
    const unknown = setup('kind', [], { KINDLING_IGNORE_PREFLIGHT_ERRORS: 'cgroup,kubelet' });
    await expect(preflight.run(unknown.ctx, unknown.state)).rejects.toMatchObject({
      exitCode: 2,
      message: 'KINDLING_IGNORE_PREFLIGHT_ERRORS (--ignore-preflight-errors) names an unknown check "kubelet"',
    });
  });

  it("records the engine version and checks the cluster name against Docker by the engine's labels", async () => {
    const { runner, ctx, state } = setup('k3d');
    await preflight.run(ctx, state);
    runner.assertDone();
    expect(state.engineVersion).toBe('v5.9.0');
    expect(docker.containerQueries).toEqual([{ app: 'k3d', 'k3d.cluster': 'dev' }]);
  });

  it("a k3d cluster of that name -> cluster-exists with k3d's delete command", async () => {
    docker.containers.push(k3dNode('dev', 'k3d-dev-server-0', 'server'), k3dNode('dev', 'k3d-dev-serverlb', 'loadbalancer'));
    const { ctx, state } = setup('k3d');
    await expect(preflight.run(ctx, state)).rejects.toMatchObject({
      code: 'cluster-exists',
      message: 'a k3d cluster named "dev" already exists in Docker (k3d-dev-server-0, k3d-dev-serverlb) and kindling has no record of it',
      hint: 'choose another --name, or delete it with `k3d cluster delete dev` if you no longer need it',
    });
  });

  it.each([
    ['the same address', '127.0.0.1', true],
    ['0.0.0.0 (every address)', '0.0.0.0', true],
    ["Docker's empty address", '', true],
    ['the IPv6 wildcard', '::', true],
    ['another address', '127.0.0.2', false],
  ])('a container publishing the port on %s', async (_what, hostIp, taken) => {
    docker.containers.push(publishing('web', hostIp, 8080));
    const { ctx, state } = setup('kind', ['8080:80']);
    const run = preflight.run(ctx, state);
    if (taken)
      await expect(run).rejects.toMatchObject({
        code: 'port-in-use',
        message: 'host port 127.0.0.1:8080 is already in use by container "web"',
      });
    else await expect(run).resolves.toBeUndefined();
  });

  it('a container publishing the same number over UDP does not block a TCP port', async () => {
    docker.containers.push(publishing('dns', '0.0.0.0', 8080, 'udp'));
    const { ctx, state } = setup('kind', ['8080:80']);
    await expect(preflight.run(ctx, state)).resolves.toBeUndefined();
  });

  it('asking for 0.0.0.0 collides with a container on any address', async () => {
    docker.containers.push(publishing('web', '127.0.0.5', 8080));
    const { ctx, state } = setup('kind', ['0.0.0.0:8080:80']);
    await expect(preflight.run(ctx, state)).rejects.toMatchObject({
      code: 'port-in-use',
      message: 'host port 0.0.0.0:8080 is already in use by container "web"',
    });
  });

  it('the conflict carries the port and address as details', async () => {
    probe.taken.add('127.0.0.1:9090');
    const { ctx, state } = setup('kind', ['9090:80']);
    await expect(preflight.run(ctx, state)).rejects.toMatchObject({ details: { port: 9090, address: '127.0.0.1' } });
  });
});
