import { describe, expect, it } from 'vitest';
import { applyOverlay } from '../../../../src/export/rewrite/apply-overlay.js';
import { rewriteForTarget } from '../../../../src/export/rewrite/overlay.js';
import { devApp } from './dev-app.js';

describe('applyOverlay', () => {
  it('gke: the exact objects the target gets, base untouched', () => {
    const base = devApp();
    const before = structuredClone(base);
    const final = applyOverlay(base, rewriteForTarget(base, 'gke', { imageRegistry: 'europe-docker.pkg.dev/p/r' }));
    expect(base).toEqual(before);
    expect(final.map((s) => s.object)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'data', namespace: 'shop' },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard-rwo', resources: { requests: { storage: '1Gi' } } },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'shop' },
        spec: {
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'europe-docker.pkg.dev/p/r/web:1.0', imagePullPolicy: 'IfNotPresent' }] },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'shop' },
        spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: { name: 'web', namespace: 'shop', annotations: { 'kubernetes.io/ingress.class': 'gce' } },
        spec: {
          rules: [
            {
              host: 'shop.example.com',
              http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
            },
          ],
        },
      },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { mode: 'prod' } },
    ]);
    expect(final.map((s) => s.origin)).toEqual([1, 2, 3, 4, 5].map((document) => ({ file: 'app.yaml', document })));
  });

  it('openshift with Routes: Ingress and StorageClass gone, Route appended; new and patched objects are copies, the rest shared', () => {
    const base = devApp();
    const overlay = rewriteForTarget(base, 'openshift', { openshiftRoutes: true });
    const final = applyOverlay(base, overlay);
    expect(final.map((s) => `${s.object.kind}/${s.object.metadata.name}`)).toEqual([
      'PersistentVolumeClaim/data',
      'Deployment/web',
      'Service/web',
      'ConfigMap/settings',
      'Route/web',
    ]);
    expect(final.at(-1)?.object).not.toBe(overlay.resources[0]?.object);
    expect(final[1]?.object).not.toBe(base[2]?.object);
    expect(final[3]?.object).toBe(base[5]?.object);
  });
});
