// What promotion needs to know about the dev cluster, read from its ClusterSpec plus the engine's own network
// defaults (kindling does not change the CNI, and a preset sets CIDRs only when it must).
import type { ClusterSpec } from '../../model/cluster-spec.js';
import type { EngineName } from '../../presets/schema.js';

/** The dev cluster as a cluster definition sees it. */
export interface DevClusterFacts {
  name: string;
  engine: EngineName;
  /** `v1.36.1` */
  kubernetesVersion: string;
  controlPlanes: number;
  workers: number;
  podSubnet: string;
  serviceSubnet: string;
  /** The CNI the engine installs: `kindnetd` (kind) or `flannel` (k3s in k3d). */
  cni: string;
}

/** Pod CIDR, service CIDR and CNI each engine uses unless told otherwise. Sources: kind
 * pkg/apis/config/v1alpha4/default.go (10.244.0.0/16, 10.96.0.0/16, kindnetd); K3s defaults 10.42.0.0/16,
 * 10.43.0.0/16 and flannel (promotion.md §0 and §2.4). */
export const ENGINE_NETWORK_DEFAULTS: Readonly<Record<EngineName, { podSubnet: string; serviceSubnet: string; cni: string }>> = {
  kind: { podSubnet: '10.244.0.0/16', serviceSubnet: '10.96.0.0/16', cni: 'kindnetd' },
  k3d: { podSubnet: '10.42.0.0/16', serviceSubnet: '10.43.0.0/16', cni: 'flannel' },
};

/** The facts of a dev cluster: its spec, with the engine's defaults where the preset set no CIDR. */
export function devClusterFacts(spec: ClusterSpec): DevClusterFacts {
  const defaults = ENGINE_NETWORK_DEFAULTS[spec.engine];
  return {
    name: spec.name,
    engine: spec.engine,
    kubernetesVersion: spec.kubernetesVersion,
    controlPlanes: spec.nodes.controlPlanes,
    workers: spec.nodes.workers,
    podSubnet: spec.networking?.podSubnet ?? defaults.podSubnet,
    serviceSubnet: spec.networking?.serviceSubnet ?? defaults.serviceSubnet,
    cni: defaults.cni,
  };
}
