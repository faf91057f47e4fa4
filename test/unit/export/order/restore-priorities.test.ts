import { describe, expect, it } from 'vitest';
import { RESTORE_PRIORITIES, restoreRank } from '../../../../src/export/order/restore-priorities.js';

describe('RESTORE_PRIORITIES', () => {
  it("follows Velero's order: CRDs, namespaces, storage, PVs before claims, RBAC and ServiceAccounts before Secrets, Endpoints before Services", () => {
    const high: readonly string[] = RESTORE_PRIORITIES.high;
    const precedes = (a: string, b: string) => expect(high.indexOf(a), `${a} before ${b}`).toBeLessThan(high.indexOf(b));
    expect(high[0]).toBe('customresourcedefinitions.apiextensions.k8s.io');
    expect(high[1]).toBe('namespaces');
    precedes('storageclasses.storage.k8s.io', 'persistentvolumes');
    precedes('persistentvolumes', 'persistentvolumeclaims');
    precedes('persistentvolumeclaims', 'pods');
    precedes('serviceaccounts', 'secrets');
    precedes('pods', 'replicasets.apps');
    precedes('endpoints', 'services');
    expect(high.at(-1)).toBe('services');
    expect(RESTORE_PRIORITIES.low).toEqual([
      'clusterbootstraps.run.tanzu.vmware.com',
      'clusters.cluster.x-k8s.io',
      'clusterresourcesets.addons.cluster.x-k8s.io',
      'apps.kappctrl.k14s.io',
      'packageinstalls.packaging.carvel.dev',
    ]);
  });
});

describe('restoreRank', () => {
  it('ranks the high list in order, everything else together after it, and the low list last', () => {
    const { high } = RESTORE_PRIORITIES;
    expect(restoreRank('namespaces')).toBe(1);
    expect(restoreRank('services')).toBe(high.length - 1);
    expect(restoreRank('deployments.apps')).toBe(high.length);
    expect(restoreRank('ingresses.networking.k8s.io')).toBe(high.length);
    expect(restoreRank('clusterbootstraps.run.tanzu.vmware.com')).toBe(high.length + 1);
    expect(restoreRank('packageinstalls.packaging.carvel.dev')).toBe(high.length + 5);
  });
});
