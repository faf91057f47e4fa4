// Where a registry container must be connected so that a cluster's nodes reach it by name, and the
// containerd host configuration those nodes read (kind; k3d writes registries.yaml itself).
import type { ClusterSpec } from '../model/cluster-spec.js';
import { engineNaming } from '../model/engine-naming.js';

/** The Docker network of a cluster's nodes: kind's shared `kind`, or k3d's `k3d-NAME`. */
export function clusterNetwork(spec: Pick<ClusterSpec, 'engine' | 'name'>): string {
  return engineNaming[spec.engine].nodeNetwork(spec.name);
}

/** containerd's certs.d folder for the registry's host address. */
export function hostsDir(registry: NonNullable<ClusterSpec['registry']>): string {
  return `/etc/containerd/certs.d/${registry.host}`;
}

/** certs.d/<host>/hosts.toml: pulls of <host>/... go to the registry container over plain HTTP. */
export function hostsToml(registry: NonNullable<ClusterSpec['registry']>): string {
  return `[host."http://${registry.name}:5000"]\n`;
}
