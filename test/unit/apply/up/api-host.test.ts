import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/api/create-context.js';
import { checkApiReachable, remoteApiHost } from '../../../../src/apply/up/api-host.js';
import { dryRunChecks } from '../../../../src/apply/up/dry-run-checks.js';
import { preflight } from '../../../../src/apply/up/preflight.js';
import { planUp } from '../../../../src/plan/plan.js';
import { recordedRunner } from '../../../../src/runtime/recorded-process-runner.js';
import { FakeDocker } from '../../../support/unit/fake-docker.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';
import { FakePortProbe, kindVersion } from '../../../support/unit/world.js';
import { upState } from '../../../support/unit/up-state.js';

const REMOTE = 'tcp://192.0.2.2:2376';
const api = (address: string) => ({ apiServer: { address, port: 0 } });

describe('remoteApiHost', () => {
  it('is undefined on an engine of this machine, whatever the address', () => {
    for (const endpoint of ['unix:///var/run/docker.sock', 'tcp://127.0.0.1:2375', 'npipe:////./pipe/docker_engine'])
      for (const address of ['127.0.0.1', '0.0.0.0', '10.0.0.5']) expect(remoteApiHost(api(address), endpoint)).toBeUndefined();
  });

  it('on another machine: its host for 0.0.0.0, the address itself for any other; loopback is refused (exit 2)', () => {
    expect(remoteApiHost(api('0.0.0.0'), REMOTE)).toBe('192.0.2.2');
    expect(remoteApiHost(api('0.0.0.0'), 'ssh://ci@builder.lan:2222')).toBe('builder.lan');
    expect(remoteApiHost(api('192.0.2.2'), 'ssh://ci@builder.lan')).toBe('192.0.2.2');
    for (const address of ['127.0.0.1', '127.0.0.2']) expect(() => remoteApiHost(api(address), REMOTE)).toThrow(/cannot reach/);
  });

  it('says where the API server will answer', () => {
    expect(checkApiReachable(api('127.0.0.1'), 'unix:///var/run/docker.sock')).toBe('the API server listens on 127.0.0.1 of this machine');
    expect(checkApiReachable(api('0.0.0.0'), REMOTE)).toBe(
      'the API server listens on 0.0.0.0 of 192.0.2.2; the kubeconfig names https://192.0.2.2',
    );
  });
});

describe('up on a Docker engine of another machine', () => {
  const dirs = tempDirs();
  let dir: string;
  let docker: FakeDocker;
  beforeEach(async () => {
    dir = await dirs.make();
    docker = new FakeDocker(REMOTE);
  });
  afterEach(() => dirs.cleanup());

  function setup(set: Record<string, string> = {}, calls = [kindVersion()]) {
    const runner = recordedRunner(calls);
    const ctx = createContext({
      state: dir,
      env: { HOME: dir },
      docker,
      runner,
      portProbe: new FakePortProbe(),
      binaries: { kind: 'kind' },
    });
    const plan = planUp(builtinPreset('kind'), { name: 'dev' });
    if (set.address) plan.spec.apiServer = { address: set.address, port: 0 };
    const state = upState(ctx, plan);
    return { runner, ctx, state };
  }

  it('preflight refuses the default 127.0.0.1 (exit 2) before the engine or Docker is asked anything, naming the fix', async () => {
    const { runner, ctx, state } = setup({}, []);
    const err = await preflight.run(ctx, state).catch((e: unknown) => e);
    expect(err).toMatchObject({
      exitCode: 2,
      message:
        'the Docker engine (tcp://192.0.2.2:2376) runs on another machine, 192.0.2.2: the API server would listen on 127.0.0.1 of 192.0.2.2, which this machine cannot reach',
    });
    expect((err as { hint: string }).hint).toMatch(
      /^pass --set apiServer\.address=0\.0\.0\.0: it then listens on all of 192\.0\.2\.2's interfaces/,
    );
    expect(runner.calls).toEqual([]);
    expect(docker.containerQueries).toEqual([]);
  });

  it('preflight passes with apiServer.address 0.0.0.0', async () => {
    const { runner, ctx, state } = setup({ address: '0.0.0.0' });
    await preflight.run(ctx, state);
    runner.assertDone();
  });

  it('up --dry-run names the failed api check (exit 2) and still runs the others', async () => {
    const { ctx, state } = setup();
    const checks = await dryRunChecks(ctx, state.plan.spec);
    expect(checks.map((c) => [c.id, c.ok])).toEqual([
      ['mounts', true],
      ['docker', true],
      ['api', false],
      ['host', true],
      ['engine', true],
      ['name', true],
      ['ports', true],
    ]);
    expect(checks.find((c) => c.id === 'api')).toMatchObject({
      exitCode: 2,
      hint: expect.stringContaining('--set apiServer.address=0.0.0.0'),
    });
  });
});
