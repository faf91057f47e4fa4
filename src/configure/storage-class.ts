// The preset's StorageClass as an object, and how to make the cluster match it: replace a same-named class
// whose immutable fields differ, apply ours, and leave exactly one default class.
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { KubeApi } from '../runtime/kube-api.js';

/** The annotation that marks the default StorageClass. */
export const DEFAULT_STORAGE_CLASS = 'storageclass.kubernetes.io/is-default-class';

type Storage = NonNullable<ClusterSpec['storage']>;

/** The StorageClass object for the spec's storage section. */
export function storageClassObject(s: Storage): Record<string, unknown> {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: s.className, annotations: { [DEFAULT_STORAGE_CLASS]: String(s.default) } },
    provisioner: s.provisioner,
    reclaimPolicy: s.reclaimPolicy,
    volumeBindingMode: s.volumeBindingMode,
  };
}

/** Whether an existing class differs in a field the API server will not change in place. */
export function immutableFieldsDiffer(existing: Record<string, unknown>, s: Storage): boolean {
  return (
    existing.provisioner !== s.provisioner ||
    existing.volumeBindingMode !== s.volumeBindingMode ||
    (existing.reclaimPolicy ?? 'Delete') !== s.reclaimPolicy
  );
}

const annotationsOf = (o: Record<string, unknown>) => (o.metadata as { annotations?: Record<string, string> }).annotations ?? {};
const nameOf = (o: Record<string, unknown>) => String((o.metadata as { name?: string }).name);

/** Makes the cluster's classes match the spec. Returns what it changed, for the log. */
export async function ensureStorageClass(api: KubeApi, s: Storage): Promise<string[]> {
  const done: string[] = [];
  const ref = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', name: s.className };
  const existing = await api.get(ref);
  if (existing && immutableFieldsDiffer(existing, s)) {
    // Provisioner, binding mode and reclaim policy are immutable: the class must be re-created.
    await api.delete(ref);
    done.push(`replaced StorageClass ${s.className} (was ${String(existing.provisioner)}, ${String(existing.volumeBindingMode)})`);
  }
  await api.apply([storageClassObject(s)]);
  if (!existing) done.push(`created StorageClass ${s.className}`);
  if (s.default) {
    for (const other of await api.list('storage.k8s.io/v1', 'StorageClass')) {
      if (nameOf(other) === s.className || annotationsOf(other)[DEFAULT_STORAGE_CLASS] !== 'true') continue;
      await api.apply([
        {
          apiVersion: 'storage.k8s.io/v1',
          kind: 'StorageClass',
          metadata: { name: nameOf(other), annotations: { [DEFAULT_STORAGE_CLASS]: 'false' } },
        },
      ]);
      done.push(`StorageClass ${nameOf(other)} is no longer the default`);
    }
  }
  return done;
}
