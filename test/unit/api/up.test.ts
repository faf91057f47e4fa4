import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../support/unit/thrown.js';
import { up } from '../../../src/api/up.js';
import { ConflictError, EngineFailedError, InterruptedError } from '../../../src/errors.js';
import { planUp } from '../../../src/plan/plan.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import { localStateStore } from '../../../src/state/local-store.js';
import { container, kindNode } from '../../support/unit/fake-docker.js';
import { builtinPreset } from '../../support/unit/presets.js';
import {
  cliUp,
  k3dCreate,
  k3dGetKubeconfig,
  k3dVersion,
  kindCreate,
  kindDelete,
  kindGetKubeconfig,
  kindKubeconfig,
  kindVersion,
  type World,
  useWorld,
  crashedStore,
} from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

const clusterDir = (name: string) => join(w.state, 'clusters', name);
const kindDocument = planUp(builtinPreset('kind'), { name: 'dev' }).engineConfig.document;
const sameDocument = (stdin: string) => JSON.stringify(parse(stdin)) === JSON.stringify(kindDocument);

/** A successful kind up of "dev"; returns the runner for inspection. */
async function kindUp() {
  const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev', { input: sameDocument }), kindGetKubeconfig('dev')]);
  const handle = await up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' });
  runner.assertDone();
  return { runner, handle };
}

describe('up (kind): a new cluster', () => {
  it('runs kind version, create (config on stdin) and get kubeconfig, against the Docker it found', async () => {
    const { runner } = await kindUp();
    expect(runner.calls.map((c) => c.args.slice(0, 2).join(' '))).toEqual(['version', 'create cluster', 'get kubeconfig']);
    for (const call of runner.calls) expect(call.opts.env).toEqual({ ...w.env, DOCKER_HOST: w.docker.endpoint });
    expect(runner.calls[1]!.opts.timeoutMs).toBe(300_000);
    expect(await readdir(w.tmp)).toEqual([]);
  });

  it('returns a handle to the running cluster', async () => {
    const { handle } = await kindUp();
    expect(handle).toMatchObject({
      name: 'dev',
      context: 'kind-dev',
      unchanged: false,
      kubeconfigPath: join(clusterDir('dev'), 'kubeconfig'),
      apiServer: { host: '127.0.0.1', port: 40000, url: 'https://127.0.0.1:40000' },
      status: { phase: 'running', nodes: [{ name: 'dev-control-plane', role: 'control-plane', state: 'running' }] },
    });
    expect(handle.plan.spec.name).toBe('dev');
  });

  it('writes spec.yaml (generation 1), status.json (running), the kubeconfig (0600) and one history entry; releases the lock', async () => {
    await kindUp();
    const dir = clusterDir('dev');
    const stored = parse(await readFile(join(dir, 'spec.yaml'), 'utf8'));
    expect(stored).toMatchObject({
      generation: 1,
      spec: { name: 'dev', engine: 'kind', preset: 'kind', nodes: { controlPlanes: 1, workers: 0 } },
    });
    expect(JSON.parse(await readFile(join(dir, 'status.json'), 'utf8'))).toMatchObject({
      name: 'dev',
      phase: 'running',
      context: 'kind-dev',
    });
    expect(await readFile(join(dir, 'kubeconfig'), 'utf8')).toBe(kindKubeconfig('dev'));
    expect((await stat(join(dir, 'kubeconfig'))).mode & 0o777).toBe(0o600);
    const history = await w.store().readHistory('dev');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      op: 'up',
      outcome: 'succeeded',
      steps: ['preflight', 'record-intent', 'ensure-network', 'create-cluster', 'save-kubeconfig', 'merge-kubeconfig', 'observe'],
      spec: { name: 'dev' },
    });
    expect(await readdir(join(dir, 'history'))).toEqual(['000001-up.json']);
    expect(await readdir(dir)).not.toContain('lock');
  });

  it('a second identical up is a no-op: unchanged, no engine call, nothing new in the store', async () => {
    await kindUp();
    const specBefore = await readFile(join(clusterDir('dev'), 'spec.yaml'), 'utf8');
    const runner = recordedRunner([]);
    const again = await up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' });
    expect(again.unchanged).toBe(true);
    expect(again.status.phase).toBe('running');
    expect(again.kubeconfigPath).toBe(join(clusterDir('dev'), 'kubeconfig'));
    expect(runner.calls).toEqual([]);
    expect(await readFile(join(clusterDir('dev'), 'spec.yaml'), 'utf8')).toBe(specBefore);
    expect(await w.store().readHistory('dev')).toHaveLength(1);
  });

  it('a different spec -> ConflictError spec-conflict naming the differing field, nothing run', async () => {
    await kindUp();
    const runner = recordedRunner([]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev', workers: 2 }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({
      code: 'spec-conflict',
      exitCode: 4,
      message: 'cluster "dev" exists with a different spec: nodes.workers: 0 -> 2',
      hint: 'run `kindling down dev` first, or choose another --name',
    });
    expect(runner.calls).toEqual([]);
    expect((await w.store().readSpec('dev'))!.spec.nodes.workers).toBe(0);
  });
});

describe('up (kind): failures leave nothing behind', () => {
  it('the engine fails mid-create -> the error propagates, kind delete rolls back, leftovers are swept, the store forgets the cluster', async () => {
    const runner = recordedRunner([
      kindVersion(),
      kindCreate(w, 'dev', { result: { exitCode: 1, stderr: 'ERROR: failed to create cluster: failed to init node with kubeadm' } }),
      kindDelete(w, 'dev', { removes: false }), // kind's delete leaves a container: the sweep must take it
    ]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' }));
    expect(err).toBeInstanceOf(EngineFailedError);
    expect(err.message).toBe(
      'kind failed to create cluster "dev" (exit 1):\nERROR: failed to create cluster: failed to init node with kubeadm',
    );
    runner.assertDone();
    expect(w.docker.removed.containers).toEqual(['dev-control-plane']);
    expect(w.docker.containers).toEqual([]);
    expect(await w.store().list()).toEqual([]);
    expect(await readdir(join(w.state, 'clusters'))).toEqual([]);
    expect(await readdir(w.tmp)).toEqual([]);
  });

  it('a host port kind chose itself was taken by a parallel create -> cleaned up and created again', async () => {
    const raced = 'ERROR: failed to create cluster: docker run error: Bind for 127.0.0.1:32985 failed: port is already allocated';
    const runner = recordedRunner([
      kindVersion(),
      kindCreate(w, 'dev', { result: { exitCode: 1, stderr: raced } }),
      kindDelete(w, 'dev'),
      kindCreate(w, 'dev'),
      kindGetKubeconfig('dev'),
    ]);
    const h = await up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' });
    runner.assertDone();
    expect(h.status.phase).toBe('running');
    expect((await w.store().readHistory('dev')).at(-1)).toMatchObject({ outcome: 'succeeded' });
  });

  it('a host port the user asked for is taken at create -> no retry: ConflictError, rolled back', async () => {
    const taken = 'ERROR: failed to create cluster: docker run error: Bind for 127.0.0.1:8080 failed: port is already allocated';
    const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev', { result: { exitCode: 1, stderr: taken } }), kindDelete(w, 'dev')]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev', ports: ['8080:80'] }));
    expect(err).toMatchObject({ code: 'port-in-use', exitCode: 4 });
    runner.assertDone();
    expect(await w.store().list()).toEqual([]);
  });

  it('three lost races in a row -> the third ConflictError is reported, nothing left', async () => {
    const raced = 'Bind for 127.0.0.1:32985 failed: port is already allocated';
    const fail = () => kindCreate(w, 'dev', { result: { exitCode: 1, stderr: raced } });
    const runner = recordedRunner([
      kindVersion(),
      fail(),
      kindDelete(w, 'dev'),
      fail(),
      kindDelete(w, 'dev'),
      fail(),
      kindDelete(w, 'dev'),
    ]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' }));
    expect(err).toMatchObject({ code: 'port-in-use' });
    runner.assertDone();
    expect(w.docker.containers).toEqual([]);
  });

  it('the engine says it succeeded but the nodes are not running -> engine-failed, rolled back, the store forgets the cluster', async () => {
    const runner = recordedRunner([
      kindVersion(),
      kindCreate(w, 'dev', {
        onCall: () =>
          w.docker.containers.forEach((c) => {
            c.state = 'exited';
          }),
      }),
      kindGetKubeconfig('dev'),
      kindDelete(w, 'dev'),
    ]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' }));
    expect(err).toMatchObject({ code: 'not-running', exitCode: 6 });
    expect(err.message).toMatch(/^kind reported success, but after create cluster "dev" is stopped/);
    runner.assertDone();
    expect(w.docker.containers).toEqual([]);
    expect(await w.store().list()).toEqual([]);
    // The context merged into the user's kubeconfig before the failing step was taken out again.
    const userKc = parse(await readFile(join(w.env.HOME!, '.kube', 'config'), 'utf8'));
    expect([...userKc.clusters, ...userKc.users, ...userKc.contexts]).toEqual([]);
  });

  it('merges the context into the user kubeconfig and records where; --no-merge does not touch it', async () => {
    await up({
      ...cliUp,
      ...w.options({ runner: recordedRunner([kindVersion(), kindCreate(w, 'dev'), kindGetKubeconfig('dev')]) }),
      preset: 'kind',
      name: 'dev',
    });
    const file = join(w.env.HOME!, '.kube', 'config');
    expect(parse(await readFile(file, 'utf8')).contexts.map((c: { name: string }) => c.name)).toEqual(['kind-dev']);
    expect(await w.store().readRecord('dev', 'kubeconfig-merge')).toEqual({
      file,
      names: { clusters: ['kind-dev'], users: ['kind-dev'], contexts: ['kind-dev'] },
    });
    await up({
      ...cliUp,
      ...w.options({ runner: recordedRunner([kindVersion(), kindCreate(w, 'quiet'), kindGetKubeconfig('quiet')]) }),
      preset: 'kind',
      name: 'quiet',
      merge: false,
    });
    expect(parse(await readFile(file, 'utf8')).contexts.map((c: { name: string }) => c.name)).toEqual(['kind-dev']);
    expect(await w.store().readRecord('quiet', 'kubeconfig-merge')).toBeUndefined();
  });

  it('a host port the probe reports taken -> ConflictError port-in-use before any create', async () => {
    w.probe.taken.add('127.0.0.1:8080');
    const runner = recordedRunner([kindVersion()]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev', ports: ['8080:80'] }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({
      code: 'port-in-use',
      message: 'host port 127.0.0.1:8080 is already in use',
      hint: "stop what listens there (`ss -ltnp 'sport = :8080'`) or choose another port",
    });
    expect(w.probe.asked).toEqual(['127.0.0.1:8080']);
    runner.assertDone();
    expect(await w.store().list()).toEqual([]);
  });

  it('a port a container publishes on 0.0.0.0 is taken too, and the message names the container', async () => {
    w.docker.containers.push(container('web', {}, { ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }] }));
    const runner = recordedRunner([kindVersion()]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev', ports: ['8080:80'] }));
    expect(err).toMatchObject({ code: 'port-in-use', message: 'host port 127.0.0.1:8080 is already in use by container "web"' });
  });

  it('a UDP port is not probed (binding TCP says nothing about it)', async () => {
    const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev'), kindGetKubeconfig('dev')]);
    w.probe.taken.add('127.0.0.1:5353');
    await up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev', ports: ['5353:53/udp'] });
    expect(w.probe.asked).toEqual([]);
  });

  it('a cluster of that name in Docker but not in the store -> ConflictError cluster-exists, nothing created', async () => {
    w.docker.containers.push(kindNode('dev', 'dev-control-plane', 'control-plane'));
    const runner = recordedRunner([kindVersion()]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({
      code: 'cluster-exists',
      message: 'a kind cluster named "dev" already exists in Docker (dev-control-plane) and kindling has no record of it',
      hint: 'choose another --name, or delete it with `kind delete cluster --name dev` if you no longer need it',
    });
    runner.assertDone();
    expect(w.docker.containers.map((c) => c.name)).toEqual(['dev-control-plane']);
    expect(await w.store().list()).toEqual([]);
  });

  it('a lock left by an up killed before its first step -> cleared with a one-line warning, then the cluster is made', async () => {
    const crashed = crashedStore(w);
    await crashed.lock('dev', 'up', 'op-crashed');
    const warnings: string[] = [];
    const logger = { debug: () => {}, info: () => {}, warn: (m: string) => void warnings.push(m) };
    const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev', { input: sameDocument }), kindGetKubeconfig('dev')]);
    const handle = await up({ ...cliUp, ...w.options({ runner }), logger, preset: 'kind', name: 'dev' });
    runner.assertDone();
    expect(warnings).toEqual(['an interrupted "up" of "dev" (pid 999 on box) stopped before its first step: rolled back']);
    expect(handle.status.phase).toBe('running');
    expect(await w.store().readLock('dev')).toBeUndefined();
  });

  it('a live lock (another up or down running) -> ConflictError locked (busy), nothing run', async () => {
    const other = localStateStore(w.state, {
      now: () => new Date(),
      pid: 999,
      hostname: 'elsewhere',
      owner: 'you@elsewhere',
      isAlive: () => true,
      lockTtlMs: 3_600_000,
    });
    const held = await other.lock('dev', 'down', 'op-other');
    const runner = recordedRunner([]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' }));
    expect(err).toMatchObject({
      code: 'locked',
      exitCode: 4,
      message: `cluster "dev" is busy: "down" is running (pid 999 on elsewhere, since ${held.info.started})`,
    });
    expect(runner.calls).toEqual([]);
  });

  it('interrupted before it starts -> InterruptedError (exit 130), nothing run or stored', async () => {
    const abort = new AbortController();
    abort.abort();
    const runner = recordedRunner([]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner, signal: abort.signal }), preset: 'kind', name: 'dev' }));
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).exitCode).toBe(130);
    expect(runner.calls).toEqual([]);
    expect(await w.store().list()).toEqual([]);
  });

  it('Ctrl-C during create: the killed engine is reported as an interruption and what it made is rolled back', async () => {
    const abort = new AbortController();
    const runner = recordedRunner([
      kindVersion(),
      kindCreate(w, 'dev', { result: { exitCode: 130, stderr: 'Creating cluster "dev" ...' }, onCall: () => abort.abort() }),
      kindDelete(w, 'dev'),
    ]);
    const err = await rejection(up({ ...cliUp, ...w.options({ runner, signal: abort.signal }), preset: 'kind', name: 'dev' }));
    expect(err).toBeInstanceOf(InterruptedError);
    expect(err.message).toBe('interrupted: what was created has been rolled back');
    runner.assertDone();
    expect(w.docker.containers).toEqual([]);
    expect(await w.store().list()).toEqual([]);
  });

  it('--retain: no rollback, the failure is journalled and the cluster kept in the store', async () => {
    const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev', { result: { exitCode: 1, stderr: 'ERROR: boom' } })]);
    await expect(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev', retain: true })).rejects.toThrow(EngineFailedError);
    expect(runner.calls.map((c) => c.args[0])).toEqual(['version', 'create']);
    expect(w.docker.containers.map((c) => c.name)).toEqual(['dev-control-plane']);
    const history = await w.store().readHistory('dev');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      op: 'up',
      outcome: 'failed',
      steps: ['preflight', 'record-intent', 'ensure-network'],
      error: { code: 'engine-failed' },
    });
    expect(await w.store().readLock('dev')).toBeUndefined();
  });
});

describe("up (kind): a cluster deleted behind kindling's back", () => {
  it('is created again as generation 2', async () => {
    await kindUp();
    w.docker.containers = [];
    const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev'), kindGetKubeconfig('dev')]);
    const again = await up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' });
    runner.assertDone();
    expect(again.unchanged).toBe(false);
    expect(again.status.phase).toBe('running');
    expect((await w.store().readSpec('dev'))!.generation).toBe(2);
    expect((await w.store().readHistory('dev')).map((h) => h.outcome)).toEqual(['succeeded', 'succeeded']);
  });

  it('if re-creating fails, the store keeps the cluster and journals the rollback', async () => {
    await kindUp();
    w.docker.containers = [];
    const runner = recordedRunner([
      kindVersion(),
      kindCreate(w, 'dev', { result: { exitCode: 1, stderr: 'ERROR: boom' } }),
      kindDelete(w, 'dev'),
    ]);
    await expect(up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' })).rejects.toThrow(EngineFailedError);
    runner.assertDone();
    expect(await w.store().list()).toEqual(['dev']);
    const last = (await w.store().readHistory('dev')).at(-1);
    expect(last).toMatchObject({
      op: 'up',
      outcome: 'rolled-back',
      steps: ['preflight', 'record-intent', 'ensure-network'],
      error: { code: 'engine-failed', message: 'kind failed to create cluster "dev" (exit 1):\nERROR: boom' },
    });
    expect(await w.store().readLock('dev')).toBeUndefined();
  });
});

describe('up (k3d)', () => {
  it("creates from a 0600 config file, stores a kubeconfig pinned to 127.0.0.1, and reports the load balancer's API", async () => {
    const seen: { mode: number; document: unknown }[] = [];
    const runner = recordedRunner([
      k3dVersion(),
      k3dCreate(w, 'dev', {
        onCall: (args) => {
          const file = args[3]!;
          seen.push({ mode: statSync(file).mode & 0o777, document: parse(readFileSync(file, 'utf8')) });
        },
      }),
      k3dGetKubeconfig('dev'),
    ]);
    const handle = await up({ ...cliUp, ...w.options({ runner }), preset: 'k3d', name: 'dev' });
    runner.assertDone();
    expect(seen).toEqual([{ mode: 0o600, document: planUp(builtinPreset('k3d'), { name: 'dev' }).engineConfig.document }]);
    for (const call of runner.calls)
      expect(call.opts.env).toMatchObject({ LOG_COLORS: 'false', DOCKER_HOST: w.docker.endpoint, HOME: w.env.HOME });
    expect(handle).toMatchObject({ context: 'k3d-dev', apiServer: { host: '127.0.0.1', port: 41000 }, status: { phase: 'running' } });
    expect(handle.status.nodes.map((n) => n.name)).toEqual(['k3d-dev-server-0', 'k3d-dev-serverlb']);
    const kubeconfig = parse(await readFile(handle.kubeconfigPath, 'utf8'));
    expect(kubeconfig.clusters[0].cluster.server).toBe('https://127.0.0.1:41000');
    expect(await readdir(w.tmp)).toEqual([]);
  });
});
