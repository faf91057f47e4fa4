import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restore } from '../../../../src/api/restore.js';
import { up } from '../../../../src/api/up.js';
import { recordedRunner } from '../../../../src/runtime/recorded-process-runner.js';
import { buildBundle } from '../../../../src/export/bundle/build-bundle.js';
import { writeBundle } from '../../../../src/export/bundle/write-bundle.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { apiError, FakeKubeApi } from '../../../support/unit/fake-kube-api.js';
import { cliUp, kindCreate, kindGetKubeconfig, kindKubeconfig, kindVersion, type World, useWorld } from '../../../support/unit/world.js';
import { devApp } from '../rewrite/dev-app.js';
import { KIND_DEFAULT } from '../targets/fixtures.js';

let w: World;
useWorld((made) => {
  w = made;
});

const crd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [{ name: 'v1', served: true, storage: true }],
  },
};
const widget: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' }, spec: { size: 1 } };

async function bundleDir(): Promise<string> {
  const out = join(w.dir, 'bundle');
  const objects = [
    ...devApp(),
    { object: widget, origin: { file: 'w.yaml', document: 0 } },
    { object: crd, origin: { file: 'w.yaml', document: 1 } },
  ];
  await writeBundle(out, buildBundle({ objects, source: { files: ['x'] }, facts: KIND_DEFAULT, targets: ['eks', 'gke'] }).files);
  return out;
}

async function userKubeconfig(): Promise<void> {
  await mkdir(join(w.env.HOME!, '.kube'), { recursive: true });
  await writeFile(join(w.env.HOME!, '.kube', 'config'), kindKubeconfig('prod'));
}

/** A fake API that marks CRDs Established as they are applied, and remembers which kubeconfig it was built from. */
function fakeApi(): { api: FakeKubeApi; kubeconfigs: string[]; factory: (k: string) => Promise<FakeKubeApi> } {
  const api = new FakeKubeApi();
  const apply = api.apply.bind(api);
  api.apply = async (list, opts) => {
    await apply(
      list.map((o) =>
        o.kind === 'CustomResourceDefinition' ? { ...o, status: { conditions: [{ type: 'Established', status: 'True' }] } } : o,
      ),
      opts,
    );
  };
  const kubeconfigs: string[] = [];
  return {
    api,
    kubeconfigs,
    factory: async (k) => {
      kubeconfigs.push(k);
      return api;
    },
  };
}

describe('restore', () => {
  it('applies base/ in restore order: CRD first, then claims, config, Services, workloads, custom resources', async () => {
    const bundle = await bundleDir();
    await userKubeconfig();
    const f = fakeApi();
    const r = await restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'kind-prod' });
    expect(r).toMatchObject({ source: 'base', applied: 7, context: 'kind-prod' });
    expect(f.api.calls).toEqual([
      'apply CustomResourceDefinition widgets.example.com',
      'apply PersistentVolumeClaim data',
      'apply ConfigMap settings',
      'apply Service web',
      'apply Deployment web',
      'apply Ingress web',
      'apply Widget w',
    ]);
    expect(r.resources[0]).toEqual({ resource: 'customresourcedefinitions.apiextensions.k8s.io', count: 1 });
    expect(f.kubeconfigs[0]).toContain('current-context: kind-prod');
  });

  it('--target applies the overlay: the claim gets the target class, images keep IfNotPresent', async () => {
    const bundle = await bundleDir();
    await userKubeconfig();
    const f = fakeApi();
    await restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'kind-prod', target: 'eks' });
    const claim = await f.api.get({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop' });
    expect((claim!.spec as { storageClassName: string }).storageClassName).toBe('gp2');
    const deploy = (await f.api.get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' })) as {
      spec: { template: { spec: { containers: Array<{ imagePullPolicy: string }> } } };
    };
    expect(deploy.spec.template.spec.containers[0]!.imagePullPolicy).toBe('IfNotPresent');
  });

  it("finds a context only kindling keeps (a cluster made with --no-merge) in the state store's kubeconfigs", async () => {
    const bundle = await bundleDir();
    await up({
      ...cliUp,
      ...w.options({ runner: recordedRunner([kindVersion(), kindCreate(w, 'dev'), kindGetKubeconfig('dev')]) }),
      preset: 'kind',
      name: 'dev',
      merge: false,
    });
    const f = fakeApi();
    const r = await restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'kind-dev' });
    expect(r.applied).toBe(7);
    expect(f.kubeconfigs[0]).toContain('current-context: kind-dev');
    await expect(
      restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'kind-dev', kubeconfig: join(w.dir, 'none') }),
    ).rejects.toMatchObject({ exitCode: 3 });
  });

  it('an unknown context, a folder that is not a bundle, a target without overlay: errors, nothing applied', async () => {
    const bundle = await bundleDir();
    await userKubeconfig();
    const f = fakeApi();
    await expect(restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'nope' })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('no kubeconfig context named "nope"'),
    });
    await expect(restore({ ...w.options({ kubeApi: f.factory }), bundle: w.dir, context: 'kind-prod' })).rejects.toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('is not a kindling bundle'),
    });
    await expect(restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'kind-prod', target: 'aks' })).rejects.toMatchObject({
      exitCode: 3,
    });
    expect(f.api.calls).toEqual([]);
  });

  it('a refused object names itself, and what came before stays applied', async () => {
    const bundle = await bundleDir();
    await userKubeconfig();
    const f = fakeApi();
    const apply = f.api.apply.bind(f.api);
    f.api.apply = async (list) => {
      if (list[0]?.kind === 'Service') throw apiError(422, 'Service "web" is invalid: spec.ports: Required value');
      await apply(list);
    };
    await expect(restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'kind-prod' })).rejects.toMatchObject({
      exitCode: 2,
      message: 'the cluster refused /Service/shop/web: Service "web" is invalid: spec.ports: Required value',
    });
    expect(f.api.calls).toContain('apply ConfigMap settings');
  });

  it('a CRD that never becomes Established times out with exit 7', async () => {
    const bundle = await bundleDir();
    await userKubeconfig();
    const api = new FakeKubeApi();
    await expect(
      restore({ ...w.options({ kubeApi: async () => api }), bundle, context: 'kind-prod', crdWaitMs: 300 }),
    ).rejects.toMatchObject({ exitCode: 7 });
  });
});

describe('restore --dry-run', () => {
  it("asks the server to check every object, stores nothing, and leaves custom resources of the bundle's own CRDs unchecked", async () => {
    const bundle = await bundleDir();
    await userKubeconfig();
    const f = fakeApi();
    const r = await restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'kind-prod', dryRun: true });
    expect(r).toMatchObject({ dryRun: true, applied: 6, unchecked: ['example.com/Widget/shop/w'] });
    expect(f.api.calls.every((c) => c.startsWith('dry-run apply '))).toBe(true);
    expect(f.api.objects.size).toBe(0);
  });

  it('reports every refused object at once (exit 2)', async () => {
    const bundle = await bundleDir();
    await userKubeconfig();
    const f = fakeApi();
    f.api.apply = async (list) => {
      if (list[0]?.kind === 'Service' || list[0]?.kind === 'Ingress') throw apiError(422, `${String(list[0].kind)} is invalid`);
    };
    await expect(restore({ ...w.options({ kubeApi: f.factory }), bundle, context: 'kind-prod', dryRun: true })).rejects.toMatchObject({
      exitCode: 2,
      message:
        'the cluster refused /Service/shop/web: Service is invalid\nthe cluster refused networking.k8s.io/Ingress/shop/web: Ingress is invalid',
    });
  });
});
