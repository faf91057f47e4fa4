import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { dumpFiles, dumpPath } from '../../../../src/export/dump/dump-files.js';
import { thrown } from '../../../support/unit/thrown.js';

const o = (apiVersion: string, kind: string, name: string, namespace?: string, rest: Record<string, unknown> = {}): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace !== undefined && { namespace }) },
  ...rest,
});

describe('dumpPath', () => {
  it.each([
    [o('v1', 'ConfigMap', 'settings', 'shop'), 'resources/configmaps/namespaces/shop/settings.json'],
    [o('apps/v1', 'Deployment', 'web', 'shop'), 'resources/deployments.apps/namespaces/shop/web.json'],
    [o('networking.k8s.io/v1', 'Ingress', 'web', 'shop'), 'resources/ingresses.networking.k8s.io/namespaces/shop/web.json'],
    [o('v1', 'Namespace', 'shop'), 'resources/namespaces/cluster/shop.json'],
    [o('v1', 'PersistentVolume', 'pvc-1'), 'resources/persistentvolumes/cluster/pvc-1.json'],
    [o('storage.k8s.io/v1', 'StorageClass', 'standard'), 'resources/storageclasses.storage.k8s.io/cluster/standard.json'],
    [
      o('rbac.authorization.k8s.io/v1', 'ClusterRole', 'system:controller:job-controller'),
      'resources/clusterroles.rbac.authorization.k8s.io/cluster/system%3Acontroller%3Ajob-controller.json',
    ],
    [
      o('rbac.authorization.k8s.io/v1', 'RoleBinding', 'team/a:Edit', 'shop'),
      'resources/rolebindings.rbac.authorization.k8s.io/namespaces/shop/team%2Fa%3A%45dit.json',
    ],
  ])('%# %s', (object, path) => {
    expect(dumpPath(object)).toBe(path);
  });

  it('needs a name, short enough for a file name', () => {
    const unnamed: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'job-', namespace: 'shop' } };
    expect(thrown(InvalidInputError, () => dumpPath(unnamed)).message).toBe(
      '/Pod/shop/ has no metadata.name, so it has no place in the state dump',
    );
    expect(dumpPath(o('v1', 'ConfigMap', 'c'.repeat(250), 'shop'))).toMatch(/c{250}\.json$/);
    expect(thrown(InvalidInputError, () => dumpPath(o('v1', 'ConfigMap', 'c'.repeat(251), 'shop'))).message).toContain(
      'longer than 255 bytes',
    );
  });
});

describe('dumpFiles', () => {
  it('writes each object as 2-space JSON with keys in export order and a final newline', () => {
    const cm = o('v1', 'ConfigMap', 'settings', 'shop', { data: { b: '2', a: '1' } });
    cm.metadata = { labels: { app: 'shop' }, namespace: 'shop', name: 'settings' };
    expect(dumpFiles([cm])).toEqual([
      {
        path: 'resources/configmaps/namespaces/shop/settings.json',
        content: [
          '{',
          '  "apiVersion": "v1",',
          '  "kind": "ConfigMap",',
          '  "metadata": {',
          '    "name": "settings",',
          '    "namespace": "shop",',
          '    "labels": {',
          '      "app": "shop"',
          '    }',
          '  },',
          '  "data": {',
          '    "a": "1",',
          '    "b": "2"',
          '  }',
          '}',
          '',
        ].join('\n'),
      },
    ]);
  });

  it('returns the files in restore order and marks Secrets', () => {
    const files = dumpFiles([
      o('apps/v1', 'Deployment', 'web', 'shop'),
      o('v1', 'Secret', 'tls', 'shop'),
      o('v1', 'Namespace', 'shop'),
      o('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.com'),
      o('v1', 'PersistentVolumeClaim', 'data', 'shop'),
    ]);
    expect(files.map((f) => [f.path, f.secret])).toEqual([
      ['resources/customresourcedefinitions.apiextensions.k8s.io/cluster/widgets.example.com.json', undefined],
      ['resources/namespaces/cluster/shop.json', undefined],
      ['resources/persistentvolumeclaims/namespaces/shop/data.json', undefined],
      ['resources/secrets/namespaces/shop/tls.json', true],
      ['resources/deployments.apps/namespaces/shop/web.json', undefined],
    ]);
  });

  it('refuses two objects that would share a file (one resource in two versions)', () => {
    const err = thrown(InvalidInputError, () =>
      dumpFiles([
        o('autoscaling/v1', 'HorizontalPodAutoscaler', 'web', 'shop'),
        o('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', 'shop'),
      ]),
    );
    expect(err.message).toBe(
      'autoscaling/HorizontalPodAutoscaler/shop/web (autoscaling/v1) and autoscaling/HorizontalPodAutoscaler/shop/web (autoscaling/v2) would both be written to resources/horizontalpodautoscalers.autoscaling/namespaces/shop/web.json',
    );
  });
});
