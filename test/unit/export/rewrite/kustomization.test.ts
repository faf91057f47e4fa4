import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { overlayFiles } from '../../../../src/export/rewrite/kustomization.js';
import { rewriteForTarget } from '../../../../src/export/rewrite/overlay.js';
import { devApp } from './dev-app.js';

describe('overlayFiles', () => {
  it('gke: kustomization.yaml referencing ../../base, patch files with exact targets, a delete patch', () => {
    const files = overlayFiles(rewriteForTarget(devApp(), 'gke', { imageRegistry: 'europe-docker.pkg.dev/p/r' }));
    expect(files.map((f) => f.path)).toEqual([
      'kustomization.yaml',
      'patches/shop_deployment.apps_web.yaml',
      'patches/shop_ingress.networking.k8s.io_web.yaml',
      'patches/shop_persistentvolumeclaim_data.yaml',
      'patches/storageclass.storage.k8s.io_local-path.delete.yaml',
    ]);
    expect(files[0]?.content).toBe(
      [
        '# kindling promote: gke overlay. Review, then: kubectl apply -k overlays/gke',
        '',
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        '  - ../../base',
        'patches:',
        '  - path: patches/shop_deployment.apps_web.yaml',
        '    target:',
        '      group: apps',
        '      version: v1',
        '      kind: Deployment',
        '      name: web',
        '      namespace: shop',
        '  - path: patches/shop_ingress.networking.k8s.io_web.yaml',
        '    target:',
        '      group: networking.k8s.io',
        '      version: v1',
        '      kind: Ingress',
        '      name: web',
        '      namespace: shop',
        '  - path: patches/shop_persistentvolumeclaim_data.yaml',
        '    target:',
        '      version: v1',
        '      kind: PersistentVolumeClaim',
        '      name: data',
        '      namespace: shop',
        '  - path: patches/storageclass.storage.k8s.io_local-path.delete.yaml',
        '',
      ].join('\n'),
    );
    expect(files.find((f) => f.path.endsWith('deployment.apps_web.yaml'))?.content).toBe(
      [
        '- op: replace',
        '  path: /spec/template/spec/containers/0/image',
        '  value: europe-docker.pkg.dev/p/r/web:1.0',
        '- op: replace',
        '  path: /spec/template/spec/containers/0/imagePullPolicy',
        '  value: IfNotPresent',
        '',
      ].join('\n'),
    );
    expect(files.find((f) => f.path.endsWith('.delete.yaml'))?.content).toBe(
      ['$patch: delete', 'apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', '  name: local-path', ''].join('\n'),
    );
  });

  it('openshift with Routes: the Route is a resource file listed after ../../base', () => {
    const files = overlayFiles(rewriteForTarget(devApp(), 'openshift', { openshiftRoutes: true }));
    const kustomization = parse(files[0]?.content ?? '') as { resources: string[]; patches: Array<{ path: string }> };
    expect(kustomization.resources).toEqual(['../../base', 'resources/shop_route.route.openshift.io_web.yaml']);
    expect(kustomization.patches.map((p) => p.path)).toEqual([
      'patches/shop_deployment.apps_web.yaml',
      'patches/shop_ingress.networking.k8s.io_web.delete.yaml',
      'patches/shop_persistentvolumeclaim_data.yaml',
      'patches/storageclass.storage.k8s.io_local-path.delete.yaml',
    ]);
    expect(parse(files.find((f) => f.path.startsWith('resources/'))?.content ?? '')).toMatchObject({
      kind: 'Route',
      spec: { host: 'shop.example.com' },
    });
  });

  it('escapes regular-expression characters in target names (kustomize anchors them as regexes)', () => {
    const base = devApp().slice(2, 3);
    const first = base[0];
    if (first === undefined) throw new Error('fixture');
    first.object.metadata.name = 'web.v2';
    const kustomization = parse(overlayFiles(rewriteForTarget(base, 'aks'))[0]?.content ?? '') as {
      patches: Array<{ target: { name: string } }>;
    };
    expect(kustomization.patches[0]?.target.name).toBe('web\\.v2');
  });

  it('percent-encodes characters file systems may refuse (RBAC names have colons)', () => {
    const overlay = rewriteForTarget([], 'aks');
    overlay.deletions.push({ group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', name: 'system:metrics' });
    expect(overlayFiles(overlay).map((f) => f.path)).toEqual([
      'kustomization.yaml',
      'patches/clusterrole.rbac.authorization.k8s.io_system%3Ametrics.delete.yaml',
    ]);
  });

  it('an overlay with nothing to change lists only the base', () => {
    expect(overlayFiles(rewriteForTarget([], 'kubeadm'))).toEqual([
      {
        path: 'kustomization.yaml',
        content: [
          '# kindling promote: kubeadm overlay. Review, then: kubectl apply -k overlays/kubeadm',
          '',
          'apiVersion: kustomize.config.k8s.io/v1beta1',
          'kind: Kustomization',
          'resources:',
          '  - ../../base',
          '',
        ].join('\n'),
      },
    ]);
  });
});
