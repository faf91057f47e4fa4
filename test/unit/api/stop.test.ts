import { describe, expect, it } from 'vitest';
import { start } from '../../../src/api/start.js';
import { stop } from '../../../src/api/stop.js';
import { up } from '../../../src/api/up.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../src/errors.js';
import { NODES_RECORD, type StoppedNodes } from '../../../src/model/node-record.js';
import { recordedRunner, type RecordedCall } from '../../../src/runtime/recorded-process-runner.js';
import { container } from '../../support/unit/fake-docker.js';
import { rejection } from '../../support/unit/thrown.js';
import {
  cliUp,
  k3dCreate,
  k3dGetKubeconfig,
  k3dVersion,
  kindCreate,
  kindGetKubeconfig,
  kindVersion,
  type World,
  useWorld,
} from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

/** A kind cluster `dev` with one control plane and `workers` workers, each with an address on `kind`. */
async function kindCluster(workers = 0): Promise<void> {
  const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev', { workers }), kindGetKubeconfig('dev')]);
  await up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev', workers });
  w.docker.containers.forEach((c, i) => {
    w.docker.endpoints[c.name] = { kind: { ipv4: `172.18.0.${i + 2}`, pinned: '' } };
  });
}

const noEngine = () => w.options({ runner: recordedRunner([kindVersion()]) });

describe('stop (kind, through Docker)', () => {
  it('records each node and the API address, stops control planes before workers, journals it; the cluster is stopped', async () => {
    await kindCluster(1);
    const [r] = await stop({ ...noEngine(), names: ['dev'] });
    expect(r).toEqual({ name: 'dev', engine: 'kind', phase: 'stopped', unchanged: false });
    expect(w.docker.calls.filter((c) => c.startsWith('stop'))).toEqual(['stop dev-control-plane', 'stop dev-worker']);
    const record = await w.store().readRecord<StoppedNodes>('dev', NODES_RECORD);
    expect(record!.apiServer).toBe('https://127.0.0.1:40000');
    expect(record!.nodes.map((n) => [n.name, n.role, n.network, n.ipv4])).toEqual([
      ['dev-control-plane', 'control-plane', 'kind', '172.18.0.2'],
      ['dev-worker', 'worker', 'kind', '172.18.0.3'],
    ]);
    expect((await w.store().readStatus('dev'))!.phase).toBe('stopped');
    expect((await w.store().readHistory('dev')).at(-1)).toMatchObject({
      op: 'stop',
      outcome: 'succeeded',
      steps: ['record-nodes', 'stop-nodes', 'pin-addresses', 'observe-stopped'],
    });
    expect(await w.store().readLock('dev')).toBeUndefined();
  });

  it('a stopped cluster: stop again changes nothing', async () => {
    await kindCluster();
    await stop({ ...noEngine(), names: ['dev'] });
    const history = await w.store().readHistory('dev');
    const [r] = await stop({ ...noEngine(), names: ['dev'] });
    expect(r!.unchanged).toBe(true);
    expect(await w.store().readHistory('dev')).toEqual(history);
  });

  it('dryRun returns the steps and stops nothing', async () => {
    await kindCluster();
    const [r] = await stop({ ...noEngine(), names: ['dev'], dryRun: true });
    expect(r!.plan!.actions.map((a) => a.id)).toEqual(['record-nodes', 'stop-nodes', 'pin-addresses', 'observe-stopped']);
    expect(w.docker.calls.filter((c) => c.startsWith('stop'))).toEqual([]);
  });

  it('unknown name -> NotFoundError; no names -> InvalidInputError; a cluster gone from Docker -> ConflictError', async () => {
    expect(await rejection(stop({ ...noEngine(), names: ['nope'] }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(stop({ ...noEngine(), names: [] }))).toBeInstanceOf(InvalidInputError);
    await kindCluster();
    w.docker.containers = [];
    const err = await rejection(stop({ ...noEngine(), names: ['dev'] }));
    expect(err).toMatchObject({ code: 'cluster-missing', exitCode: 4 });
  });
});

describe('start (kind, through Docker)', () => {
  it('gives every node its recorded address back, starts control planes first, and the API is where it was', async () => {
    await kindCluster(1);
    await stop({ ...noEngine(), names: ['dev'] });
    const [r] = await start({ ...noEngine(), names: ['dev'], waitMs: 0 });
    expect(r).toMatchObject({ name: 'dev', phase: 'running', unchanged: false, apiServer: { url: 'https://127.0.0.1:40000' } });
    const calls = w.docker.calls.filter((c) => /^(pin|start)/.test(c));
    expect(calls).toEqual([
      'pin kind dev-control-plane 172.18.0.2',
      'pin kind dev-worker 172.18.0.3',
      'start dev-control-plane',
      'start dev-worker',
    ]);
    expect(w.docker.endpoints['dev-worker']!.kind!.ipv4).toBe('172.18.0.3');
    expect((await w.store().readHistory('dev')).at(-1)).toMatchObject({
      op: 'start',
      outcome: 'succeeded',
      steps: ['restore-addresses', 'start-nodes', 'observe-started'],
    });
  });

  it("another container holds a node's address -> ConflictError naming it, nothing started", async () => {
    await kindCluster(1);
    await stop({ ...noEngine(), names: ['dev'] });
    const afterStop = w.docker.calls.length;
    w.docker.containers.push(container('squatter', {}));
    w.docker.endpoints.squatter = { kind: { ipv4: '172.18.0.3', pinned: '172.18.0.3' } };
    const err = await rejection(start({ ...noEngine(), names: ['dev'], waitMs: 0 }));
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe('node dev-worker had address 172.18.0.3 on network kind, and container "squatter" holds it now');
    expect(w.docker.calls.slice(afterStop).filter((c) => /^(pin|start)/.test(c))).toEqual([]);
    expect((await w.store().readStatus('dev'))!.phase).toBe('stopped');
  });

  it('a network Docker will not pin addresses on: started anyway, and a node that came back elsewhere is reported', async () => {
    await kindCluster(1);
    w.docker.pinRefusal = new Error(
      '(HTTP code 400) unexpected - user specified IP address is supported only when connecting to networks with user configured subnets',
    );
    await stop({ ...noEngine(), names: ['dev'] });
    const err = await rejection(start({ ...noEngine(), names: ['dev'], waitMs: 0 }));
    expect(err).toMatchObject({ code: 'address-changed', exitCode: 6 });
    expect(err.message).toMatch(/^nodes of "dev" came back at other addresses: dev-control-plane 172\.18\.0\.2 -> 172\.18\.0\.\d+/);
  });

  it('stop pins each kind node to its address, so that a node of another cluster started first cannot take it', async () => {
    await kindCluster();
    await stop({ ...noEngine(), names: ['dev'] });
    expect(w.docker.calls.filter((c) => c.startsWith('pin'))).toEqual(['pin kind dev-control-plane 172.18.0.2']);
    await start({ ...noEngine(), names: ['dev'], waitMs: 0 });
    expect(w.docker.endpoints['dev-control-plane']!.kind!.ipv4).toBe('172.18.0.2');
  });

  it('one kind node whose address another container took: started at another address (one node refreshes itself)', async () => {
    await kindCluster();
    await stop({ ...noEngine(), names: ['dev'] });
    w.docker.containers.push(container('squatter', {}));
    w.docker.endpoints.squatter = { kind: { ipv4: '172.18.0.2', pinned: '' } };
    const [r] = await start({ ...noEngine(), names: ['dev'], waitMs: 0 });
    expect(r!.phase).toBe('running');
    expect(w.docker.calls).toContain('disconnect kind dev-control-plane');
  });

  it('a running cluster: nothing is started, only readiness would be waited for', async () => {
    await kindCluster();
    const [r] = await start({ ...noEngine(), names: ['dev'], waitMs: 0 });
    expect(r!.unchanged).toBe(true);
    expect(w.docker.calls.filter((c) => /^(pin|start)/.test(c))).toEqual([]);
  });

  it('up with the same spec on a stopped cluster starts it, never re-creates it', async () => {
    await kindCluster();
    await stop({ ...noEngine(), names: ['dev'] });
    const h = await up({ ...cliUp, ...w.options({ runner: recordedRunner([kindVersion()]) }), preset: 'kind', name: 'dev' });
    expect(h.unchanged).toBe(false);
    expect(h.started).toBe(true);
    expect(h.status.phase).toBe('running');
    expect(w.docker.calls.filter((c) => c.startsWith('start'))).toEqual(['start dev-control-plane']);
  });

  it('the handle of up stops and starts its cluster', async () => {
    const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev'), kindGetKubeconfig('dev'), kindVersion(), kindVersion()]);
    const h = await up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' });
    await h.stop();
    expect((await w.store().readStatus('dev'))!.phase).toBe('stopped');
    await h.start({ waitMs: 0 });
    expect((await w.store().readStatus('dev'))!.phase).toBe('running');
  });
});

describe('stop and start (k3d, with its own commands)', () => {
  const k3dCall = (args: string[], state: string): RecordedCall => ({
    file: 'k3d',
    args,
    onCall: () => {
      for (const c of w.docker.containers) if (c.labels['k3d.role'] !== 'noRole') c.state = state;
    },
  });

  it('k3d cluster stop, then k3d cluster start --timeout; no address pinning', async () => {
    await up({
      ...cliUp,
      ...w.options({ runner: recordedRunner([k3dVersion(), k3dCreate(w, 'dev'), k3dGetKubeconfig('dev')]) }),
      preset: 'k3d',
      name: 'dev',
    });
    const stopRunner = recordedRunner([k3dCall(['cluster', 'stop', 'dev'], 'exited')]);
    expect((await stop({ ...w.options({ runner: stopRunner }), names: ['dev'] }))[0]!.phase).toBe('stopped');
    stopRunner.assertDone();
    const startRunner = recordedRunner([k3dCall(['cluster', 'start', 'dev', '--timeout', '300s'], 'running')]);
    const [r] = await start({ ...w.options({ runner: startRunner }), names: ['dev'], waitMs: 0 });
    startRunner.assertDone();
    expect(r).toMatchObject({ phase: 'running', apiServer: { url: 'https://127.0.0.1:41000' } });
    expect(w.docker.calls.filter((c) => c.startsWith('pin'))).toEqual([]);
  });
});
