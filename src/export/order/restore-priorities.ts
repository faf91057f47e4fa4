// Velero's default restore order (promotion.md 4.3, velero v1.18.1 `defaultRestorePriorities`): definitions and
// namespaces first, storage before claims before Pods, ServiceAccounts before Secrets, Endpoints before Services;
// everything else alphabetically; a few cluster-lifecycle resources last. Used to order exported documents and
// the object dump, and by restore to apply a bundle.

/**
 * The priority lists, as group-qualified resource names. Velero writes core-named entries such as
 * `customresourcedefinitions` and the singular `volumesnapshotclass` and resolves them through API discovery;
 * here they are spelled out so that they match without a cluster.
 */
export const RESTORE_PRIORITIES = {
  high: [
    'customresourcedefinitions.apiextensions.k8s.io',
    'namespaces',
    'storageclasses.storage.k8s.io',
    'volumesnapshotclasses.snapshot.storage.k8s.io',
    'volumesnapshotcontents.snapshot.storage.k8s.io',
    'volumesnapshots.snapshot.storage.k8s.io',
    'datauploads.velero.io',
    'persistentvolumes',
    'persistentvolumeclaims',
    'clusterroles.rbac.authorization.k8s.io',
    'roles.rbac.authorization.k8s.io',
    'serviceaccounts',
    'clusterrolebindings.rbac.authorization.k8s.io',
    'rolebindings.rbac.authorization.k8s.io',
    'secrets',
    'configmaps',
    'limitranges',
    'priorityclasses.scheduling.k8s.io',
    'pods',
    'replicasets.apps',
    'clusterclasses.cluster.x-k8s.io',
    'endpoints',
    'services',
  ],
  low: [
    'clusterbootstraps.run.tanzu.vmware.com',
    'clusters.cluster.x-k8s.io',
    'clusterresourcesets.addons.cluster.x-k8s.io',
    'apps.kappctrl.k14s.io',
    'packageinstalls.packaging.carvel.dev',
  ],
} as const satisfies { high: readonly string[]; low: readonly string[] };

/** The rank of a resource: its place in the high list, then one shared rank for the rest, then the low list. */
export function restoreRank(resource: string): number {
  const high: readonly string[] = RESTORE_PRIORITIES.high;
  const low: readonly string[] = RESTORE_PRIORITIES.low;
  if (high.includes(resource)) return high.indexOf(resource);
  if (low.includes(resource)) return high.length + 1 + low.indexOf(resource);
  return high.length;
}
