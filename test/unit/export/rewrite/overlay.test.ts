import { describe, expect, it } from 'vitest';
import { rewriteForTarget } from '../../../../src/export/rewrite/overlay.js';
import { devApp } from './dev-app.js';

describe('rewriteForTarget', () => {
  it('gke: one JSON6902 patch per changed object, the dev StorageClass deleted, nothing added', () => {
    const base = devApp();
    const before = structuredClone(base);
    const overlay = rewriteForTarget(base, 'gke', { imageRegistry: 'europe-docker.pkg.dev/p/r' });
    expect(base).toEqual(before);
    expect(overlay).toEqual({
      target: 'gke',
      options: { imageRegistry: 'europe-docker.pkg.dev/p/r' },
      patches: [
        {
          target: { version: 'v1', kind: 'PersistentVolumeClaim', name: 'data', namespace: 'shop' },
          ops: [{ op: 'replace', path: '/spec/storageClassName', value: 'standard-rwo' }],
        },
        {
          target: { group: 'apps', version: 'v1', kind: 'Deployment', name: 'web', namespace: 'shop' },
          ops: [
            { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'europe-docker.pkg.dev/p/r/web:1.0' },
            { op: 'replace', path: '/spec/template/spec/containers/0/imagePullPolicy', value: 'IfNotPresent' },
          ],
        },
        {
          target: { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', name: 'web', namespace: 'shop' },
          ops: [
            { op: 'remove', path: '/spec/ingressClassName' },
            { op: 'add', path: '/metadata/annotations', value: { 'kubernetes.io/ingress.class': 'gce' } },
          ],
        },
      ],
      deletions: [{ group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', name: 'local-path' }],
      resources: [],
    });
  });

  it('openshift with Routes: the Ingress is deleted and its Route added with the Ingress origin', () => {
    const overlay = rewriteForTarget(devApp(), 'openshift', { openshiftRoutes: true });
    expect(overlay.deletions.map((d) => d.kind)).toEqual(['StorageClass', 'Ingress']);
    expect(overlay.resources.map((r) => [r.object.kind, r.object.metadata.name, r.origin])).toEqual([
      ['Route', 'web', { file: 'app.yaml', document: 4 }],
    ]);
    expect(overlay.patches.map((p) => p.target.kind)).toEqual(['PersistentVolumeClaim', 'Deployment']);
  });

  it('skips objects without a name: kustomize cannot target them', () => {
    const [, claim] = devApp();
    if (claim === undefined) throw new Error('fixture');
    claim.object.metadata = { generateName: 'data-', namespace: 'shop' };
    expect(rewriteForTarget([claim], 'gke')).toMatchObject({ patches: [], deletions: [] });
  });
});
