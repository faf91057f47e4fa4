import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { promote } from '../../../../src/api/promote.js';
import { apiError, FakeKubeApi } from '../../../support/unit/fake-kube-api.js';
import { kindUp, type World, useWorld } from '../../../support/unit/world.js';
import { KIND_CLAIM, KIND_VOLUME } from '../dump/local-path.js';
import { tarOf } from '../dump/tar-fixture.js';

let w: World;
useWorld((made) => {
  w = made;
});

function liveApi(): FakeKubeApi {
  return new FakeKubeApi().seed(
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', uid: 'u1', resourceVersion: '9' }, status: { phase: 'Active' } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'shop', uid: 'u2', managedFields: [] },
      data: { mode: 'prod' },
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: {} },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'shop' }, data: { password: 'aHVudGVyMg==' } },
    KIND_CLAIM,
    KIND_VOLUME,
  );
}

describe('promote (live cluster)', () => {
  it('reads the cluster through its API, skips what belongs to the cluster, and takes the dev facts from its spec', async () => {
    await kindUp(w, 'dev');
    const api = liveApi();
    const r = await promote({ ...w.options({ kubeApi: async () => api }), cwd: w.dir, name: 'dev', to: ['eks'] });
    expect(r.out).toBe(join(w.dir, 'promote-dev'));
    const base = await readdir(join(r.out, 'base'));
    expect(base).toContain('shop_configmap_settings.yaml');
    expect(base).not.toContain('kube-system_configmap_coredns.yaml');
    expect(base.some((f) => f.includes('secret'))).toBe(false);
    const manifest = JSON.parse(await readFile(join(r.out, 'bundle.json'), 'utf8'));
    expect(manifest).toMatchObject({ source: { cluster: 'dev' }, devCluster: { name: 'dev', engine: 'kind' }, withState: false });
    expect(await readFile(join(r.out, 'base', 'shop_configmap_settings.yaml'), 'utf8')).not.toMatch(/uid|managedFields/);
  });

  it('--with-state: Velero layout, the claim data from the node container (0600), a restore Job and script', async () => {
    await kindUp(w, 'dev');
    const folder = (KIND_VOLUME.spec as { hostPath: { path: string } }).hostPath.path;
    w.docker.archives.set(`dev-control-plane:${folder}`, tarOf([{ name: 'pvc-x/' }, { name: 'pvc-x/db.csv', content: 'a,b\n' }]));
    const r = await promote({
      ...w.options({ kubeApi: async () => liveApi() }),
      cwd: w.dir,
      name: 'dev',
      to: ['kubeadm'],
      withState: true,
      includeSecrets: true,
    });
    expect(r.volumes).toEqual([{ namespace: 'shop', claim: 'data', file: 'state/volumes/shop/data.tar.gz', bytes: expect.any(Number) }]);
    const archive = join(r.out, 'state/volumes/shop/data.tar.gz');
    expect((await stat(archive)).mode & 0o777).toBe(0o600);
    expect(gunzipSync(await readFile(archive)).toString('utf8')).toContain('a,b\n');
    expect((await stat(join(r.out, 'state/resources/secrets/namespaces/shop/db.json'))).mode & 0o777).toBe(0o600);
    expect((await stat(r.out)).mode & 0o777).toBe(0o700);
    expect(await readdir(join(r.out, 'state/resources/configmaps/namespaces'))).toEqual(['shop']);
    expect(await readFile(join(r.out, 'state/restore-jobs/shop/data.yaml'), 'utf8')).toContain('kind: Job');
    expect(await readFile(join(r.out, 'state/restore-data.sh'), 'utf8')).toMatch(/^#!\/bin\/sh/);
    expect(await readFile(join(r.out, 'REPORT.md'), 'utf8')).toContain('- `shop/data`: `state/volumes/shop/data.tar.gz`');
  });

  it('a claim whose node container lost its folder: nothing is written, the earlier bundle stays', async () => {
    await kindUp(w, 'dev');
    const first = await promote({ ...w.options({ kubeApi: async () => liveApi() }), cwd: w.dir, name: 'dev', to: ['kubeadm'] });
    await expect(
      promote({ ...w.options({ kubeApi: async () => liveApi() }), cwd: w.dir, name: 'dev', to: ['kubeadm'], withState: true }),
    ).rejects.toMatchObject({ exitCode: 3 });
    expect(await readdir(first.out)).not.toContain('state');
    expect((await readdir(w.dir)).filter((f) => f.includes('kindling-'))).toEqual([]);
  });

  it('a resource the server will not list is left out and named in the report', async () => {
    await kindUp(w, 'dev');
    const api = liveApi();
    api.listErrors.set('v1 ConfigMap', apiError(403, 'configmaps is forbidden'));
    const r = await promote({ ...w.options({ kubeApi: async () => api }), cwd: w.dir, name: 'dev', to: ['eks'] });
    const report = JSON.parse(await readFile(join(r.out, 'report.json'), 'utf8'));
    expect(report.skipped).toContainEqual({
      what: 'configmaps',
      origin: 'cluster dev',
      reason: expect.stringContaining('not allowed to list it'),
    });
  });
});
