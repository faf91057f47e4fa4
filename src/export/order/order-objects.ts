// A fixed document order for bundles, state dumps and restore: Velero's restore priorities, then resource name
// (which sorts the unlisted middle alphabetically), namespace (cluster-scoped first) and name. The same objects
// always come out in the same order, whatever order they were read in: two objects with the same identity (the
// same name in two input files) are ordered by their content.
import type { KubeObject } from '../kube-object.js';
import { orderKeys } from './order-keys.js';
import { resourceName } from './resource-name.js';
import { restoreRank } from './restore-priorities.js';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKey(o: KubeObject): [number, string, string, string, string] {
  const resource = resourceName(o.apiVersion, o.kind);
  const name = o.metadata.name ?? o.metadata.generateName ?? '';
  return [restoreRank(resource), resource, o.metadata.namespace ?? '', name, o.apiVersion];
}

/** Compares two objects by restore rank, resource, namespace, name, apiVersion, then content (code-point order, no locale). */
export function compareObjects(a: KubeObject, b: KubeObject): number {
  const [ka, kb] = [sortKey(a), sortKey(b)];
  if (ka[0] !== kb[0]) return ka[0] - kb[0];
  for (let i = 1; i < ka.length; i++) {
    const order = compareText(ka[i] as string, kb[i] as string);
    if (order !== 0) return order;
  }
  return compareText(JSON.stringify(orderKeys(a)), JSON.stringify(orderKeys(b)));
}

/** The objects in restore order, as a new array. */
export function orderObjects(objects: readonly KubeObject[]): KubeObject[] {
  return [...objects].sort(compareObjects);
}
