import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { up } from '../../../../src/api/up.js';
import { REUSE_PLACEHOLDER, reuseClusterName } from '../../../../src/api/harness/names.js';
import { planUp } from '../../../../src/plan/plan.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { LEASES, type LeaseRecord } from '../../../../src/api/harness/leases.js';
import { recordedRunner } from '../../../../src/runtime/recorded-process-runner.js';
import { FakeKubeApi } from '../../../support/unit/fake-kube-api.js';
import {
  kindCreate,
  kindDelete,
  kindGetKubeconfig,
  kindKubeconfig,
  kindVersion,
  type World,
  useWorld,
} from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

/** A Kubernetes API where everything is ready at once (the kind preset's StorageClass included). */
const readyApi = () => {
  const storage = planUp(builtinPreset('kind'), { name: 'dev' }).spec.storage!;
  return async () =>
    new FakeKubeApi().seed({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: storage.className, annotations: { 'storageclass.kubernetes.io/is-default-class': String(storage.default) } },
      provisioner: storage.provisioner,
      volumeBindingMode: storage.volumeBindingMode,
    });
};

const creates = (name: string) => [kindVersion(), kindCreate(w, name), kindGetKubeconfig(name)];

describe('up from the library: defaults for a test process', () => {
  it('does not touch the user kubeconfig, waits for readiness, and offers the kubeconfig as text and path', async () => {
    const runner = recordedRunner(creates('dev'));
    const h = await up({ ...w.options({ runner, kubeApi: readyApi() }), preset: 'kind', name: 'dev' });
    runner.assertDone();
    expect(h.mergedInto).toBeUndefined();
    await expect(readFile(join(w.env.HOME!, '.kube', 'config'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(h.readiness?.map((s) => s.id)).toEqual(['api', 'nodes', 'dns', 'storage']);
    expect(h.plan.actions.map((a) => a.id)).toContain('wait-ready');
    expect(h.kubeconfig).toBe(kindKubeconfig('dev'));
    expect(await readFile(h.kubeconfigPath, 'utf8')).toBe(h.kubeconfig);
    const kc = await h.kubeConfig();
    expect(kc.getCurrentContext()).toBe('kind-dev');
    expect(kc.getCurrentCluster()?.server).toBe('https://127.0.0.1:40000');
    expect(h.reused).toBe(false);
    // Made without keep: this process holds it, for the reaper.
    expect(await w.store().readRecord<LeaseRecord>('dev', LEASES)).toMatchObject({ keep: false, leases: [{ pid: process.pid }] });
  });

  it('with no name, a name of its own per test worker', async () => {
    const name = `kindling-w7-${process.pid}`;
    const runner = recordedRunner(creates(name));
    const env = { ...w.env, VITEST_POOL_ID: '7' };
    const h = await up({ ...w.options({ runner, kubeApi: readyApi(), env }), preset: 'kind', keep: true });
    expect(h.name).toBe(name);
    expect(await w.store().readRecord('dev', LEASES)).toBeUndefined();
  });

  it('`await using` deletes the cluster when the scope ends', async () => {
    const runner = recordedRunner([...creates('dev'), kindDelete(w, 'dev')]);
    {
      await using h = await up({ ...w.options({ runner, kubeApi: readyApi() }), preset: 'kind', name: 'dev' });
      expect(h.status.phase).toBe('running');
    }
    runner.assertDone();
    expect(await w.store().list()).toEqual([]);
  });
});

describe('up({ reuse: true })', () => {
  it('two at once: one waits while the other makes it, then both share one cluster; the last release deletes it', async () => {
    const runner = recordedRunner([...creates('shared'), kindDelete(w, 'shared')]);
    const opts = { ...w.options({ runner, kubeApi: readyApi() }), preset: 'kind', name: 'shared', reuse: true };
    const [a, b] = await Promise.all([up(opts), up(opts)]);
    expect([a!.unchanged, b!.unchanged].sort()).toEqual([false, true]);
    expect(a!.reused && b!.reused).toBe(true);
    expect((await w.store().readRecord<LeaseRecord>('shared', LEASES))!.leases).toHaveLength(2);
    await a!.down();
    await a!.down();
    expect(await w.store().list()).toEqual(['shared']);
    expect(w.docker.containers.map((c) => c.name)).toEqual(['shared-control-plane']);
    await b!.down();
    runner.assertDone();
    expect(await w.store().list()).toEqual([]);
    expect(w.docker.containers).toEqual([]);
  });

  it('with no name, the same spec gives the same cluster; made with keep, the last release keeps it', async () => {
    const name = reuseClusterName(planUp(builtinPreset('kind'), { name: REUSE_PLACEHOLDER }).spec);
    const first = await up({
      ...w.options({ runner: recordedRunner(creates(name)), kubeApi: readyApi() }),
      preset: 'kind',
      reuse: true,
      keep: true,
    });
    const second = await up({ ...w.options({ runner: recordedRunner([]), kubeApi: readyApi() }), preset: 'kind', reuse: true });
    expect(first.name).toBe(name);
    expect(second.name).toBe(name);
    expect(second.unchanged).toBe(true);
    await second.down();
    await first.down();
    expect(await w.store().list()).toEqual([name]);
    expect(await w.store().readRecord<LeaseRecord>(name, LEASES)).toMatchObject({ keep: true, leases: [] });
  });
});
