import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { compareObjects, orderObjects } from '../../../../src/export/order/order-objects.js';

const o = (apiVersion: string, kind: string, name: string, namespace?: string): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace !== undefined && { namespace }) },
});
const label = (x: KubeObject) => `${x.kind}/${x.metadata.namespace ?? '-'}/${x.metadata.name}`;

const MIXED = [
  o('v1', 'Service', 'web', 'shop'),
  o('apps/v1', 'Deployment', 'web', 'shop'),
  o('networking.k8s.io/v1', 'Ingress', 'web', 'shop'),
  o('cluster.x-k8s.io/v1beta1', 'Cluster', 'prod', 'capi'),
  o('v1', 'ConfigMap', 'b', 'shop'),
  o('v1', 'ConfigMap', 'a', 'shop'),
  o('v1', 'ConfigMap', 'z', 'auth'),
  o('apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'widgets.example.com'),
  o('v1', 'Namespace', 'shop'),
  o('rbac.authorization.k8s.io/v1', 'ClusterRole', 'reader'),
  o('v1', 'ServiceAccount', 'web', 'shop'),
  o('v1', 'Secret', 'tls', 'shop'),
  o('v1', 'PersistentVolumeClaim', 'data', 'shop'),
  o('example.com/v1', 'Widget', 'w', 'shop'),
  o('apps/v1', 'StatefulSet', 'db', 'shop'),
];

describe('orderObjects', () => {
  it("puts documents in Velero's restore order, then the rest by resource name (deployments.apps < ingresses.networking.k8s.io < statefulsets.apps), then namespace and name", () => {
    expect(orderObjects(MIXED).map(label)).toEqual([
      'CustomResourceDefinition/-/widgets.example.com',
      'Namespace/-/shop',
      'PersistentVolumeClaim/shop/data',
      'ClusterRole/-/reader',
      'ServiceAccount/shop/web',
      'Secret/shop/tls',
      'ConfigMap/auth/z',
      'ConfigMap/shop/a',
      'ConfigMap/shop/b',
      'Service/shop/web',
      'Deployment/shop/web',
      'Ingress/shop/web',
      'StatefulSet/shop/db',
      'Widget/shop/w',
      'Cluster/capi/prod',
    ]);
  });

  it('does not change its input and returns the same order whatever the input order', () => {
    const sorted = orderObjects(MIXED).map(label);
    expect(MIXED.map(label)[0]).toBe('Service/shop/web');
    fc.assert(
      fc.property(fc.shuffledSubarray(MIXED, { minLength: MIXED.length }), (shuffled) => {
        expect(orderObjects(shuffled).map(label)).toEqual(sorted);
      }),
    );
  });

  it('orders by code point, not locale, and uses generateName when there is no name', () => {
    const names = ['b', 'B', 'a-2', 'a10', 'ä'].map((n) => o('v1', 'ConfigMap', n, 'x'));
    expect(orderObjects(names).map((x) => x.metadata.name)).toEqual(['B', 'a-2', 'a10', 'b', 'ä']);
    const generated: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'm-' } };
    expect(compareObjects(generated, o('batch/v1', 'Job', 'n'))).toBeLessThan(0);
  });

  it('orders two objects with the same identity by content, so input order never shows', () => {
    const one = { ...o('v1', 'ConfigMap', 'app', 'shop'), data: { from: 'a.yaml' } };
    const two = { ...o('v1', 'ConfigMap', 'app', 'shop'), data: { from: 'b.yaml' } };
    expect(orderObjects([two, one])).toEqual([one, two]);
    expect(orderObjects([one, two])).toEqual([one, two]);
  });

  it('breaks ties between the same object in two API versions by apiVersion', () => {
    expect(
      orderObjects([o('autoscaling/v2', 'HorizontalPodAutoscaler', 'h'), o('autoscaling/v1', 'HorizontalPodAutoscaler', 'h')]).map(
        (x) => x.apiVersion,
      ),
    ).toEqual(['autoscaling/v1', 'autoscaling/v2']);
  });
});
