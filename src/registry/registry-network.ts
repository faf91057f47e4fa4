// Where a registry container must be connected so that a cluster's nodes reach it by name (the containerd
// host configuration those nodes read is in engines/mirrors.ts).
import type { ClusterSpec } from '../model/cluster-spec.js';
import { engineNaming } from '../model/engine-naming.js';

/** The Docker network of a cluster's nodes: kind's shared `kind`, or k3d's `k3d-NAME`. */
export function clusterNetwork(spec: Pick<ClusterSpec, 'engine' | 'name'>): string {
  return engineNaming[spec.engine].nodeNetwork(spec.name);
}
