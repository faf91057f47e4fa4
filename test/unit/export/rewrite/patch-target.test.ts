import { describe, expect, it } from 'vitest';
import { objectKey, type KubeObject } from '../../../../src/export/kube-object.js';
import { patchTargetApiVersion, patchTargetKey, patchTargetOf } from '../../../../src/export/rewrite/patch-target.js';

describe('patchTargetOf', () => {
  it.each<KubeObject>([
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:metrics' } },
  ])('round-trips apiVersion and gives the same key as objectKey: %j', (o) => {
    const target = patchTargetOf(o);
    expect(patchTargetApiVersion(target)).toBe(o.apiVersion);
    expect(patchTargetKey(target)).toBe(objectKey(o));
  });

  it('omits group for the core group and namespace for cluster-scoped objects', () => {
    expect(patchTargetOf({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })).toEqual({
      version: 'v1',
      kind: 'Namespace',
      name: 'shop',
    });
  });
});
