import { describe, expect, it } from 'vitest';
import { rejection } from '../../support/unit/thrown.js';
import { down } from '../../../src/api/down.js';
import { up } from '../../../src/api/up.js';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EngineFailedError, InterruptedError, InvalidInputError, type NotFoundError } from '../../../src/errors.js';
import { recordedRunner, type RecordedCall } from '../../../src/runtime/recorded-process-runner.js';
import { container, k3dNode, kindNode } from '../../support/unit/fake-docker.js';
import {
  cliUp,
  k3dCreate,
  k3dDelete,
  k3dGetKubeconfig,
  k3dVersion,
  kindCreate,
  kindDelete,
  kindGetKubeconfig,
  kindVersion,
  type World,
  kindUp,
  useWorld,
  crashedStore,
} from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

async function k3dUp(name: string) {
  const runner = recordedRunner([k3dVersion(), k3dCreate(w, name), k3dGetKubeconfig(name)]);
  await up({ ...cliUp, ...w.options({ runner }), preset: 'k3d', name });
}

/** `call`, with `after` run once the engine's own effect has happened. */
function withAfter(call: RecordedCall, after: () => void): RecordedCall {
  return {
    file: call.file,
    args: call.args,
    onCall: (args, opts) => {
      call.onCall?.(args, opts);
      after();
    },
  };
}

describe('down', () => {
  it('deletes through the engine, sweeps what kindling labelled for the cluster, and forgets it', async () => {
    await kindUp(w, 'dev');
    const helper = container('dev-registry', { 'dev.kindling.managed': 'true', 'dev.kindling.cluster': 'dev' });
    const unrelated = container('postgres', {});
    const otherCluster = kindNode('other', 'other-control-plane', 'control-plane');
    w.docker.containers.push(helper, unrelated, otherCluster);
    const runner = recordedRunner([kindDelete(w, 'dev')]);
    const results = await down({ ...w.options({ runner }), names: ['dev'] });
    runner.assertDone();
    expect(runner.calls[0]!.opts.env).toEqual({ ...w.env, DOCKER_HOST: w.docker.endpoint });
    expect(results).toEqual([
      { name: 'dev', engine: 'kind', removed: { containers: ['dev-registry'], networks: [], volumes: [] }, keptSnapshots: [] },
    ]);
    expect(w.docker.containers.map((c) => c.name)).toEqual(['postgres', 'other-control-plane']);
    expect(await w.store().list()).toEqual([]);
  });

  it("kind left a node behind: the sweep removes it by kind's own label", async () => {
    await kindUp(w, 'dev');
    const runner = recordedRunner([kindDelete(w, 'dev', { removes: false })]);
    const [result] = await down({ ...w.options({ runner }), names: ['dev'] });
    expect(result!.removed.containers).toEqual(['dev-control-plane']);
    expect(w.docker.containers).toEqual([]);
  });

  it('k3d: `k3d cluster delete`, then its leftover containers, network and volume are swept', async () => {
    await k3dUp('dev');
    const runner = recordedRunner([
      withAfter(k3dDelete(w, 'dev'), () => {
        // k3d's delete left things behind.
        w.docker.networks.push({ name: 'k3d-dev', labels: { app: 'k3d' } });
        w.docker.volumes.push({ name: 'k3d-dev-images', labels: { app: 'k3d' } });
        w.docker.containers.push(k3dNode('dev', 'k3d-dev-server-0', 'server'));
      }),
    ]);
    const [result] = await down({ ...w.options({ runner }), names: ['dev'] });
    runner.assertDone();
    expect(result).toEqual({
      name: 'dev',
      engine: 'k3d',
      removed: { containers: ['k3d-dev-server-0'], networks: ['k3d-dev'], volumes: ['k3d-dev-images'] },
      keptSnapshots: [],
    });
    expect(w.docker.networks).toEqual([]);
    expect(w.docker.volumes).toEqual([]);
    expect(w.docker.containers).toEqual([]);
    expect(await w.store().list()).toEqual([]);
  });

  it('k3d: a network or volume of the same name that k3d did not label is left alone', async () => {
    await k3dUp('dev');
    const runner = recordedRunner([
      withAfter(k3dDelete(w, 'dev'), () => {
        w.docker.networks.push({ name: 'k3d-dev', labels: {} });
        w.docker.volumes.push({ name: 'k3d-dev-images', labels: { owner: 'someone' } });
      }),
    ]);
    const [result] = await down({ ...w.options({ runner }), names: ['dev'] });
    expect(result!.removed).toEqual({ containers: [], networks: [], volumes: [] });
    expect(w.docker.networks.map((n) => n.name)).toEqual(['k3d-dev']);
    expect(w.docker.volumes.map((v) => v.name)).toEqual(['k3d-dev-images']);
  });

  it('--all deletes every cluster in the store, in order', async () => {
    await kindUp(w, 'a');
    await kindUp(w, 'b');
    const runner = recordedRunner([kindDelete(w, 'a'), kindDelete(w, 'b')]);
    const results = await down({ ...w.options({ runner }), all: true });
    expect(results.map((r) => r.name)).toEqual(['a', 'b']);
    runner.assertDone();
    expect(await w.store().list()).toEqual([]);
  });

  it('--all with an empty store does nothing', async () => {
    expect(await down({ ...w.options({ runner: recordedRunner([]) }), all: true })).toEqual([]);
  });

  it('no names and no --all -> InvalidInputError', async () => {
    const err = await rejection(down({ ...w.options({ runner: recordedRunner([]) }), names: [] }));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.message).toBe('name at least one cluster to delete, or pass --all');
  });

  it('an unknown name is already deleted: reported absent (exit 0, as `kind delete cluster`), nothing run', async () => {
    const runner = recordedRunner([]);
    const results = await down({ ...w.options({ runner }), names: ['ghost'] });
    expect(results).toEqual([
      { name: 'ghost', engine: 'none', absent: true, removed: { containers: [], networks: [], volumes: [] }, keptSnapshots: [] },
    ]);
    expect(runner.calls).toEqual([]);
  });

  it('an unknown name is absent even when Docker cannot be asked', async () => {
    w.docker.listError = new Error('connect ENOENT /var/run/docker.sock');
    const results = await down({ ...w.options({ runner: recordedRunner([]) }), names: ['ghost'] });
    expect(results[0]).toMatchObject({ name: 'ghost', absent: true });
  });

  it('an unknown name that kind or k3d made by themselves: the hint says how to delete it, and it is left alone', async () => {
    w.docker.containers.push(kindNode('ghost', 'ghost-control-plane', 'control-plane'));
    const kindErr = (await rejection(down({ ...w.options({ runner: recordedRunner([]) }), names: ['ghost'] }))) as NotFoundError;
    expect(kindErr.hint).toBe(
      'a kind cluster of that name exists but kindling did not create it: delete it with `kind delete cluster --name ghost`',
    );
    w.docker.containers = [k3dNode('spook', 'k3d-spook-server-0', 'server')];
    const k3dErr = (await rejection(down({ ...w.options({ runner: recordedRunner([]) }), names: ['spook'] }))) as NotFoundError;
    expect(k3dErr.hint).toBe('a k3d cluster of that name exists but kindling did not create it: delete it with `k3d cluster delete spook`');
    expect(w.docker.removed.containers).toEqual([]);
  });

  it('the engine fails to delete -> the error propagates, the failure is journalled, the lock released, the cluster kept', async () => {
    await kindUp(w, 'dev');
    const runner = recordedRunner([
      kindDelete(w, 'dev', { removes: false, result: { exitCode: 1, stderr: 'ERROR: failed to delete cluster "dev"' } }),
    ]);
    const err = await rejection(down({ ...w.options({ runner }), names: ['dev'] }));
    expect(err).toBeInstanceOf(EngineFailedError);
    expect(err.message).toBe('kind failed to delete cluster "dev" (exit 1):\nERROR: failed to delete cluster "dev"');
    expect(await w.store().list()).toEqual(['dev']);
    expect((await w.store().readHistory('dev')).at(-1)).toMatchObject({ op: 'down', outcome: 'failed', error: { code: 'engine-failed' } });
    expect(await w.store().readLock('dev')).toBeUndefined();
    expect(w.docker.removed.containers).toEqual([]);
  });

  it('clears what a crashed up left: a dead lock does not block down', async () => {
    await kindUp(w, 'dev');
    const crashed = crashedStore(w);
    await crashed.lock('dev', 'up', 'op-crashed');
    const runner = recordedRunner([kindDelete(w, 'dev')]);
    await down({ ...w.options({ runner }), names: ['dev'] });
    expect(await w.store().list()).toEqual([]);
  });

  it('the handle returned by up deletes the cluster with the same options', async () => {
    const runner = recordedRunner([kindVersion(), kindCreate(w, 'dev'), kindGetKubeconfig('dev'), kindDelete(w, 'dev')]);
    const handle = await up({ ...cliUp, ...w.options({ runner }), preset: 'kind', name: 'dev' });
    await handle.down();
    runner.assertDone();
    expect(await w.store().list()).toEqual([]);
    expect(w.docker.containers).toEqual([]);
  });

  it("dryRun returns each cluster's steps and changes nothing: no engine call, no lock, no history", async () => {
    await kindUp(w, 'dev');
    const before = await w.store().readHistory('dev');
    const runner = recordedRunner([]);
    const [result] = await down({ ...w.options({ runner }), names: ['dev'], dryRun: true });
    runner.assertDone();
    expect(result!.plan!.actions.map((a) => a.id)).toEqual(['delete-cluster', 'sweep-leftovers', 'unmerge-kubeconfig', 'forget-cluster']);
    expect(result!.removed).toEqual({ containers: [], networks: [], volumes: [] });
    expect(await w.store().list()).toEqual(['dev']);
    expect(await w.store().readHistory('dev')).toEqual(before);
    expect(await w.store().readLock('dev')).toBeUndefined();
    expect(w.docker.containers.map((c) => c.name)).toEqual(['dev-control-plane']);
  });

  it('keeps the history of a deleted cluster under deleted/<name>/<operationId>/, closed by the down entry with its steps', async () => {
    await kindUp(w, 'dev');
    await down({ ...w.options({ runner: recordedRunner([kindDelete(w, 'dev')]) }), names: ['dev'] });
    const [kept] = await readdir(join(w.state, 'deleted', 'dev'));
    const files = (await readdir(join(w.state, 'deleted', 'dev', kept!, 'history'))).sort();
    expect(files).toEqual(['000001-up.json', '000002-down.json']);
    const entry = JSON.parse(await readFile(join(w.state, 'deleted', 'dev', kept!, 'history', '000002-down.json'), 'utf8'));
    expect(entry).toMatchObject({
      op: 'down',
      operationId: kept,
      outcome: 'succeeded',
      steps: ['delete-cluster', 'sweep-leftovers', 'unmerge-kubeconfig', 'forget-cluster'],
    });
    expect(await readdir(join(w.state, 'clusters'))).toEqual([]);
  });

  it('Ctrl-C before a step: InterruptedError (exit 130), nothing deleted, the interruption journalled, the lock released', async () => {
    await kindUp(w, 'dev');
    const abort = new AbortController();
    abort.abort();
    const err = await rejection(down({ ...w.options({ runner: recordedRunner([]), signal: abort.signal }), names: ['dev'] }));
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).exitCode).toBe(130);
    expect(w.docker.containers.map((c) => c.name)).toEqual(['dev-control-plane']);
    expect((await w.store().readHistory('dev')).at(-1)).toMatchObject({
      op: 'down',
      outcome: 'failed',
      steps: [],
      error: { code: 'interrupted' },
    });
    expect(await w.store().readLock('dev')).toBeUndefined();
  });

  it('a down that failed half-way is finished by running it again', async () => {
    await kindUp(w, 'dev');
    const failing = recordedRunner([kindDelete(w, 'dev', { result: { exitCode: 1, stderr: 'ERROR: boom' } })]);
    await rejection(down({ ...w.options({ runner: failing }), names: ['dev'] }));
    await down({ ...w.options({ runner: recordedRunner([kindDelete(w, 'dev')]) }), names: ['dev'] });
    expect(await w.store().list()).toEqual([]);
    expect(w.docker.containers).toEqual([]);
  });
});
