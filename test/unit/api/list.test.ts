import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { list, status } from '../../../src/api/list.js';
import { up } from '../../../src/api/up.js';
import { NotFoundError } from '../../../src/errors.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import { localStateStore } from '../../../src/state/local-store.js';
import { kindNode } from '../../support/unit/fake-docker.js';
import { cliUp, k3dCreate, k3dGetKubeconfig, k3dVersion, kindUp, type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

describe('list', () => {
  it('an empty store lists nothing and does not ask Docker', async () => {
    expect(await list(w.options({ runner: recordedRunner([]) }))).toEqual([]);
    expect(w.docker.containerQueries).toEqual([]);
  });

  it('a running cluster, with its preset, version, generation and kubeconfig', async () => {
    await kindUp(w, 'dev');
    const [dev] = await list(w.options({ runner: recordedRunner([]) }));
    expect(dev).toMatchObject({
      name: 'dev',
      engine: 'kind',
      phase: 'running',
      preset: 'kind',
      kubernetesVersion: 'v1.36.1',
      generation: 1,
      context: 'kind-dev',
      kubeconfigPath: join(w.state, 'clusters', 'dev', 'kubeconfig'),
      apiServer: { url: 'https://127.0.0.1:40000' },
    });
  });

  it('a cluster in the store whose containers are gone from Docker is missing (and the stored status says so)', async () => {
    await kindUp(w, 'dev');
    w.docker.containers = [];
    const [dev] = await list(w.options({ runner: recordedRunner([]) }));
    expect(dev).toMatchObject({
      name: 'dev',
      phase: 'missing',
      nodes: [],
      message: 'in the state store, but no container of it exists in Docker (deleted outside kindling?)',
    });
    expect(JSON.parse(await readFile(join(w.state, 'clusters', 'dev', 'status.json'), 'utf8')).phase).toBe('missing');
  });

  it('one Docker query per engine; each cluster gets only its own containers', async () => {
    await kindUp(w, 'a');
    await kindUp(w, 'b');
    w.docker.containers.push(kindNode('b', 'b-worker', 'worker', { state: 'exited' }));
    const queriesBefore = w.docker.containerQueries.length;
    const clusters = await list(w.options({ runner: recordedRunner([]) }));
    expect(w.docker.containerQueries.slice(queriesBefore)).toEqual([{ 'io.x-k8s.kind.cluster': '' }]);
    expect(clusters.map((c) => `${c.name}:${c.phase}:${c.nodes.length}`)).toEqual(['a:running:1', 'b:degraded:2']);
  });

  it('kind and k3d clusters side by side', async () => {
    await kindUp(w, 'a');
    const runner = recordedRunner([k3dVersion(), k3dCreate(w, 'b'), k3dGetKubeconfig('b')]);
    await up({ ...cliUp, ...w.options({ runner }), preset: 'k3d', name: 'b' });
    const clusters = await list(w.options({ runner: recordedRunner([]) }));
    expect(clusters.map((c) => `${c.name}:${c.engine}:${c.phase}:${c.context}`)).toEqual(['a:kind:running:kind-a', 'b:k3d:running:k3d-b']);
  });
});

describe('status', () => {
  it('an unknown cluster -> NotFoundError', async () => {
    await expect(status({ ...w.options({ runner: recordedRunner([]) }), name: 'ghost' })).rejects.toSatisfy(
      (err) => err instanceof NotFoundError && err.message === `no cluster named "ghost" in the state store (${w.state})`,
    );
  });

  it('while another operation holds the lock: creating, and the stored status is left to it', async () => {
    await kindUp(w, 'dev');
    const statusFile = join(w.state, 'clusters', 'dev', 'status.json');
    const before = await readFile(statusFile, 'utf8');
    const other = localStateStore(w.state, {
      now: () => new Date(),
      pid: 999,
      hostname: 'elsewhere',
      owner: 'you@elsewhere',
      isAlive: () => true,
      lockTtlMs: 3_600_000,
    });
    await other.lock('dev', 'up', 'op-other');
    const s = await status({ ...w.options({ runner: recordedRunner([]) }), name: 'dev' });
    expect(s).toMatchObject({ phase: 'creating', message: 'up in progress (pid 999 on elsewhere)' });
    expect(await readFile(statusFile, 'utf8')).toBe(before);
  });
});
