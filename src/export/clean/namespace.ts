// What the API server adds to every Namespace: the `kubernetes` finalizer and the
// `kubernetes.io/metadata.name` label, both set again on the target.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { dropEmptyMap, dropEntries, dropItems, mapAt } from './nested-maps.js';

/** Removes the default finalizer and the name label from a Namespace. */
export function cleanNamespace(o: KubeObject): void {
  if (apiGroup(o.apiVersion) !== '' || o.kind !== 'Namespace') return;
  dropEntries(o.metadata, 'labels', (key, value) => key === 'kubernetes.io/metadata.name' && value === o.metadata.name);
  if (dropItems(mapAt(o, 'spec'), 'finalizers', (f) => f === 'kubernetes')) dropEmptyMap(o, 'spec');
}
