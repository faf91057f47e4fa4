// Builds kind's own config (kind.x-k8s.io/v1alpha4 Cluster) from a ClusterSpec. Pure.
import type { ClusterSpec } from '../../model/cluster-spec.js';

/** One node of kind's config, only the fields kindling sets. */
export interface KindNodeConfig {
  role: 'control-plane' | 'worker';
  image: string;
  labels?: Record<string, string>;
  extraPortMappings?: { containerPort: number; hostPort: number; listenAddress: string; protocol: string }[];
  extraMounts?: { hostPath: string; containerPath: string; readOnly: boolean }[];
}

/** kind's Cluster document, only the fields kindling sets. */
export interface KindClusterConfig {
  kind: 'Cluster';
  apiVersion: 'kind.x-k8s.io/v1alpha4';
  name: string;
  networking: { apiServerAddress: string; apiServerPort?: number; podSubnet?: string; serviceSubnet?: string };
  nodes: KindNodeConfig[];
  kubeadmConfigPatches?: string[];
  containerdConfigPatches?: string[];
}

function node(spec: ClusterSpec, role: KindNodeConfig['role'], first: boolean): KindNodeConfig {
  // ingress-nginx's kind provider runs on the node labelled ingress-ready=true, where 80/443 are mapped.
  const ingressLabel: Record<string, string> = first && spec.ingress?.controller === 'nginx' ? { 'ingress-ready': 'true' } : {};
  const labels: Record<string, string> = { ...spec.nodeLabels, ...ingressLabel };
  return {
    role,
    image: spec.image,
    ...(Object.keys(labels).length ? { labels } : {}),
    ...(first && spec.ports.length > 0
      ? {
          extraPortMappings: spec.ports.map((p) => ({
            containerPort: p.containerPort,
            hostPort: p.hostPort,
            listenAddress: p.listenAddress,
            protocol: p.protocol,
          })),
        }
      : {}),
    ...(spec.mounts ? { extraMounts: spec.mounts.map((m) => ({ ...m })) } : {}),
  };
}

/** The kubelet patch for the spec's eviction thresholds (kind's kubeadmConfigPatches take YAML text). */
function kubeletPatch(evictionHard: Record<string, string>): string {
  const lines = Object.entries(evictionHard).map(([k, v]) => `  ${k}: "${v}"`);
  return `${['kind: KubeletConfiguration', 'evictionHard:', ...lines].join('\n')}\n`;
}

/** kind's recipe (site/static/examples/kind-with-registry.sh): containerd reads certs.d/<host>/hosts.toml.
 * Node images of kind v0.27.0 and later already do; the patch makes older ones do it too. */
export const CERTS_D_PATCH = '[plugins."io.containerd.grpc.v1.cri".registry]\n  config_path = "/etc/containerd/certs.d"';

/** The kind config for a spec. Port mappings go on the first control-plane node.
 * A registry needs no containerd patch: node images of kind v0.27.0 and later already read
 * /etc/containerd/certs.d (kind's local-registry docs), where kindling writes each node's hosts.toml. */
export function kindConfig(spec: ClusterSpec): KindClusterConfig {
  const controlPlanes = Array.from({ length: spec.nodes.controlPlanes }, (_, i) => node(spec, 'control-plane', i === 0));
  const workers = Array.from({ length: spec.nodes.workers }, () => node(spec, 'worker', false));
  return {
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    name: spec.name,
    networking: {
      apiServerAddress: spec.apiServer.address,
      ...(spec.apiServer.port !== 0 ? { apiServerPort: spec.apiServer.port } : {}),
      ...spec.networking,
    },
    nodes: [...controlPlanes, ...workers],
    ...(spec.evictionHard ? { kubeadmConfigPatches: [kubeletPatch(spec.evictionHard)] } : {}),
    // The image cache is a docker.io (or other host) mirror every node must honour, whatever its image's age.
    ...(spec.imageCache || spec.registry?.mirrors ? { containerdConfigPatches: [CERTS_D_PATCH] } : {}),
  };
}
