// Builds k3d's own config (k3d.io/v1alpha5 Simple) from a ClusterSpec. Pure.
import { clusterLabels } from '../../labels.js';
import type { ClusterSpec } from '../../plan/cluster-spec.js';

/** k3d's Simple document, only the fields kindling sets. */
export interface K3dSimpleConfig {
  apiVersion: 'k3d.io/v1alpha5';
  kind: 'Simple';
  metadata: { name: string };
  servers: number;
  agents: number;
  image: string;
  kubeAPI: { host: string; hostIP: string; hostPort?: string };
  ports?: { port: string; nodeFilters: string[] }[];
  options: {
    kubeconfig: { updateDefaultKubeconfig: false; switchCurrentContext: false };
    runtime: { labels: { label: string; nodeFilters: string[] }[] };
  };
}

/** The k3d config for a spec: API and ports bound to the spec's addresses, every container labelled. */
export function k3dConfig(spec: ClusterSpec): K3dSimpleConfig {
  return {
    apiVersion: 'k3d.io/v1alpha5',
    kind: 'Simple',
    metadata: { name: spec.name },
    servers: spec.nodes.controlPlanes,
    agents: spec.nodes.workers,
    image: spec.image,
    kubeAPI: {
      host: spec.apiServer.address,
      hostIP: spec.apiServer.address,
      ...(spec.apiServer.port !== 0 ? { hostPort: String(spec.apiServer.port) } : {}),
    },
    ...(spec.ports.length > 0
      ? {
          ports: spec.ports.map((p) => ({
            port: `${p.listenAddress}:${p.hostPort}:${p.containerPort}/${p.protocol.toLowerCase()}`,
            nodeFilters: ['loadbalancer'],
          })),
        }
      : {}),
    options: {
      // kindling keeps the kubeconfig in its state store; it never lets k3d edit the user's file.
      kubeconfig: { updateDefaultKubeconfig: false, switchCurrentContext: false },
      runtime: {
        labels: Object.entries(clusterLabels(spec.name, spec.preset)).map(([k, v]) => ({ label: `${k}=${v}`, nodeFilters: ['all'] })),
      },
    },
  };
}
