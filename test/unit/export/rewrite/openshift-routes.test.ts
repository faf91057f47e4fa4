import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { routesForIngress } from '../../../../src/export/rewrite/openshift-routes.js';
import { ingress, service } from './fixtures.js';

describe('routesForIngress', () => {
  it('one Route per rule path, with the named Service port and edge TLS for TLS hosts', () => {
    const o = ingress({ tls: [{ hosts: ['shop.example.com'], secretName: 'shop-tls' }] });
    o.metadata.labels = { app: 'web' };
    expect(routesForIngress(o, [service('web', 'ClusterIP')])).toEqual([
      {
        apiVersion: 'route.openshift.io/v1',
        kind: 'Route',
        metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
        spec: {
          host: 'shop.example.com',
          path: '/',
          to: { kind: 'Service', name: 'web', weight: 100 },
          port: { targetPort: 'http' },
          tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' },
        },
      },
    ]);
  });

  it('numbers several Routes; an unnamed Service port resolves to its targetPort; an unknown Service leaves port out', () => {
    const o: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'multi' },
      spec: {
        defaultBackend: { service: { name: 'missing', port: { number: 80 } } },
        rules: [{ http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { number: 9000 } } } }] } }],
      },
    };
    const api: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'api' },
      spec: { ports: [{ port: 9000, targetPort: 9090 }] },
    };
    expect(routesForIngress(o, [api]).map((r) => [r.metadata, r['spec']])).toEqual([
      [{ name: 'multi-0' }, { path: '/api', to: { kind: 'Service', name: 'api', weight: 100 }, port: { targetPort: 9090 } }],
      [{ name: 'multi-1' }, { to: { kind: 'Service', name: 'missing', weight: 100 } }],
    ]);
  });
});
