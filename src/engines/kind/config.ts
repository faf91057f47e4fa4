// Builds kind's own config (kind.x-k8s.io/v1alpha4 Cluster) from a ClusterSpec. Pure.
import type { ClusterSpec } from '../../plan/cluster-spec.js';

/** kind's Cluster document, only the fields kindling sets. */
export interface KindClusterConfig {
  kind: 'Cluster';
  apiVersion: 'kind.x-k8s.io/v1alpha4';
  name: string;
  networking: { apiServerAddress: string; apiServerPort?: number };
  nodes: {
    role: 'control-plane' | 'worker';
    image: string;
    extraPortMappings?: { containerPort: number; hostPort: number; listenAddress: string; protocol: string }[];
  }[];
}

/** The kind config for a spec. Port mappings go on the first control-plane node. */
export function kindConfig(spec: ClusterSpec): KindClusterConfig {
  const controlPlanes = Array.from({ length: spec.nodes.controlPlanes }, (_, i) => ({
    role: 'control-plane' as const,
    image: spec.image,
    ...(i === 0 && spec.ports.length > 0
      ? {
          extraPortMappings: spec.ports.map((p) => ({
            containerPort: p.containerPort,
            hostPort: p.hostPort,
            listenAddress: p.listenAddress,
            protocol: p.protocol,
          })),
        }
      : {}),
  }));
  const workers = Array.from({ length: spec.nodes.workers }, () => ({ role: 'worker' as const, image: spec.image }));
  return {
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    name: spec.name,
    networking: {
      apiServerAddress: spec.apiServer.address,
      ...(spec.apiServer.port !== 0 ? { apiServerPort: spec.apiServer.port } : {}),
    },
    nodes: [...controlPlanes, ...workers],
  };
}
