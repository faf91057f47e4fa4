// The in-place reset over an in-memory API server and a real directory store holding the snapshot: what it deletes,
// applies and makes again, that it waits for a deleted namespace, and when it leaves the reset to a re-create.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/api/create-context.js';
import { resetInPlace } from '../../../../src/apply/workshop/reset-in-place.js';
import type { Context } from '../../../../src/context.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { SNAPSHOT_MANIFEST, SNAPSHOT_OBJECTS, type SnapshotManifest, type SnapshotVolume } from '../../../../src/model/snapshot.js';
import type { KubeApi, ObjectRef } from '../../../../src/runtime/kube-api.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const key = (o: { apiVersion: string; kind: string; name?: string; namespace?: string }) =>
  `${o.kind}/${o.namespace ?? ''}/${o.name ?? ''}`;
const refOf = (o: KubeObject) => ({ ...o, name: o.metadata.name, namespace: o.metadata.namespace });

/** An API server of namespaces and ConfigMaps. Apply merges (fields it was not given stay, as another manager's
 * do under server-side apply); a deleted namespace is gone, with its contents, after `terminatingGets` reads. */
function fakeApi(objects: KubeObject[], terminatingGets = 2) {
  const store = new Map(objects.map((o) => [key(refOf(o)), structuredClone(o)]));
  const terminating = new Map<string, number>();
  const calls: string[] = [];
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const prev = out[k];
      out[k] =
        v && typeof v === 'object' && !Array.isArray(v) && prev && typeof prev === 'object'
          ? merge(prev as Record<string, unknown>, v as Record<string, unknown>)
          : v;
    }
    return out;
  };
  const api: KubeApi = {
    version: async () => 'v1.35.5+k3s1',
    listNodes: async () => [],
    deployment: async () => undefined,
    evict: async () => undefined,
    async resources() {
      return [
        { apiVersion: 'v1', kind: 'Namespace', resource: 'namespaces', namespaced: false, verbs: ['list', 'create', 'delete'] },
        { apiVersion: 'v1', kind: 'ConfigMap', resource: 'configmaps', namespaced: true, verbs: ['list', 'create', 'delete'] },
      ];
    },
    async list(_apiVersion, kind) {
      return [...store.values()].filter((o) => o.kind === kind).map((o) => structuredClone(o));
    },
    async get(ref: ObjectRef) {
      const k = key(ref);
      const left = terminating.get(k);
      if (left !== undefined) {
        if (left <= 0) {
          store.delete(k);
          for (const [other, o] of store) if (o.metadata.namespace === ref.name) store.delete(other);
          terminating.delete(k);
        } else terminating.set(k, left - 1);
      }
      return store.get(k);
    },
    async delete(ref) {
      calls.push(`delete ${key(ref)}`);
      if (ref.kind === 'Namespace') terminating.set(key(ref), terminatingGets);
      else store.delete(key(ref));
    },
    async apply(list) {
      for (const o of list as KubeObject[]) {
        calls.push(`apply ${key(refOf(o))}`);
        const k = key(refOf(o));
        store.set(k, merge(store.get(k) ?? {}, structuredClone(o)) as KubeObject);
      }
    },
  };
  return { api, store, calls };
}

const ns = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const cm = (namespace: string, name: string, data: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});
/** As the server returns it: with the fields cleaning strips. */
const served = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, uid: 'u-1', resourceVersion: '42' } });

const START = [ns('lab'), cm('lab', 'welcome', { step: '1' }), cm('lab', 'rules', { a: 'b' })];

async function setUp(api: KubeApi, volumes: SnapshotVolume[] = []): Promise<Context> {
  const dir = await dirs.make();
  const ctx = createContext({ state: join(dir, 'state'), env: { HOME: dir }, cwd: dir, kubeApi: async () => api });
  await ctx.store.writeKubeconfig('lab-ann', 'apiVersion: v1\nkind: Config\n');
  const part = await ctx.store.writeSnapshotPart('lab-ann', 'workshop-start', SNAPSHOT_OBJECTS, `${JSON.stringify(START)}\n`);
  const manifest = { kind: 'Snapshot', name: 'workshop-start', cluster: 'lab-ann', spec: {}, volumes, parts: [part] };
  await ctx.store.writeSnapshotPart('lab-ann', 'workshop-start', SNAPSHOT_MANIFEST, JSON.stringify(manifest as Partial<SnapshotManifest>));
  return ctx;
}

describe('resetInPlace', () => {
  it('deletes the added namespace (waiting until it is gone) and objects, applies back what changed, re-makes what apply left', async () => {
    const live = [
      ns('lab'),
      cm('lab', 'welcome', { step: '7', extra: 'x' }),
      cm('lab', 'added', { y: '2' }),
      ns('scratch'),
      cm('scratch', 'notes', { x: '1' }),
      cm('kube-system', 'coredns', { Corefile: '.' }),
    ].map(served);
    const { api, store, calls } = fakeApi(live);
    const ctx = await setUp(api);
    const r = await resetInPlace(ctx, 'lab-ann', 'workshop-start', 60_000);
    expect(r).toEqual({
      done: true,
      changes: { deletedNamespaces: ['scratch'], deleted: 1, applied: 2, recreated: 1, unchanged: 1 },
    });
    expect(calls).toEqual([
      'delete Namespace//scratch',
      'delete ConfigMap/lab/added',
      'apply ConfigMap/lab/welcome',
      'apply ConfigMap/lab/rules',
      'delete ConfigMap/lab/welcome',
      'apply ConfigMap/lab/welcome',
    ]);
    expect([...store.keys()].sort()).toEqual([
      'ConfigMap/kube-system/coredns',
      'ConfigMap/lab/rules',
      'ConfigMap/lab/welcome',
      'Namespace//lab',
    ]);
    expect(store.get('ConfigMap/lab/welcome')?.data).toEqual({ step: '1' });
    expect(await ctx.store.readLock('lab-ann')).toBeUndefined();
  });

  it('changes nothing when the cluster is as the snapshot left it', async () => {
    const { api, calls } = fakeApi(START.map(served));
    const r = await resetInPlace(await setUp(api), 'lab-ann', 'workshop-start', 60_000);
    expect(r).toEqual({ done: true, changes: { deletedNamespaces: [], deleted: 0, applied: 0, recreated: 0, unchanged: 3 } });
    expect(calls).toEqual([]);
  });

  it('leaves a snapshot with volume data to the re-create, naming the claims', async () => {
    const volume = { namespace: 'lab', claim: 'data', volume: 'pvc-1', node: 'n', path: '/p', accessModes: [], size: '1Gi', part: 'v' };
    const { api, calls } = fakeApi(START.map(served));
    const r = await resetInPlace(await setUp(api, [volume]), 'lab-ann', 'workshop-start', 60_000);
    expect(r).toEqual({ done: false, reason: 'the snapshot holds volume data (lab/data), which only a re-create restores' });
    expect(calls).toEqual([]);
  });

  it('leaves a cluster whose API server does not answer to the re-create', async () => {
    const { api } = fakeApi([]);
    api.version = async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6443');
    };
    const r = await resetInPlace(await setUp(api), 'lab-ann', 'workshop-start', 60_000);
    expect(r).toEqual({ done: false, reason: 'its API server does not answer (connect ECONNREFUSED 127.0.0.1:6443)' });
  });

  it('gives up on a namespace that is not gone by the deadline', async () => {
    const { api } = fakeApi([...START, ns('stuck')].map(served), Number.POSITIVE_INFINITY);
    await expect(resetInPlace(await setUp(api), 'lab-ann', 'workshop-start', 0)).rejects.toThrow('Namespace stuck was not gone in time');
  });
});
