// How each engine names what it creates, and how to find it in Docker. Pure data about the engines,
// shared by the plan (name checks), status (label filters) and the leftover sweep.
import type { EngineName } from '../presets/schema.js';

interface SpecShape {
  name: string;
  nodes: { controlPlanes: number; workers: number };
}

/** Names and labels one engine uses. */
export interface EngineNaming {
  /** Every container name the engine will create for this spec. */
  containerNames(spec: SpecShape): string[];
  /** Docker label filter that selects the cluster's containers ('' selects every cluster's). */
  containerLabels(name: string): Record<string, string>;
  /** The label whose value is the cluster name. */
  clusterLabelKey: string;
  /** The engine's own kubeconfig context name. */
  contextName(name: string): string;
  /** The role of a container, from its labels. */
  roleOf(labels: Record<string, string>): string;
  /** The Docker network the cluster's nodes are attached to (kind's shared `kind`, k3d's own). */
  nodeNetwork(name: string): string;
  /** Networks and volumes the engine creates per cluster (removed with it). */
  ownedNetworks(name: string): string[];
  ownedVolumes(name: string): string[];
}

const numbered = (base: string, count: number, first: string): string[] =>
  Array.from({ length: count }, (_, i) => (i === 0 ? `${base}${first}` : `${base}${i + 1}`));

/** kind v0.32.0: `<name>-control-plane[N]`, `<name>-worker[N]`, shared network `kind`. */
export const kindNaming: EngineNaming = {
  containerNames: ({ name, nodes }) => [
    ...numbered(`${name}-control-plane`, nodes.controlPlanes, ''),
    ...numbered(`${name}-worker`, nodes.workers, ''),
    ...(nodes.controlPlanes > 1 ? [`${name}-external-load-balancer`] : []),
  ],
  containerLabels: (name) => ({ 'io.x-k8s.kind.cluster': name }),
  clusterLabelKey: 'io.x-k8s.kind.cluster',
  contextName: (name) => `kind-${name}`,
  roleOf: (labels) => labels['io.x-k8s.kind.role'] ?? 'unknown',
  nodeNetwork: () => 'kind',
  ownedNetworks: () => [],
  ownedVolumes: () => [],
};

/** k3d v5.9.0: `k3d-<name>-server-N`, `-agent-N`, `-serverlb`, network `k3d-<name>`, volume `k3d-<name>-images`. */
export const k3dNaming: EngineNaming = {
  containerNames: ({ name, nodes }) => [
    ...Array.from({ length: nodes.controlPlanes }, (_, i) => `k3d-${name}-server-${i}`),
    ...Array.from({ length: nodes.workers }, (_, i) => `k3d-${name}-agent-${i}`),
    `k3d-${name}-serverlb`,
    `k3d-${name}-tools`,
  ],
  containerLabels: (name) => ({ app: 'k3d', 'k3d.cluster': name }),
  clusterLabelKey: 'k3d.cluster',
  contextName: (name) => `k3d-${name}`,
  roleOf: (labels) => labels['k3d.role'] ?? 'unknown',
  nodeNetwork: (name) => `k3d-${name}`,
  ownedNetworks: (name) => [`k3d-${name}`],
  ownedVolumes: (name) => [`k3d-${name}-images`],
};

/** Naming by engine name. */
export const engineNaming: Record<EngineName, EngineNaming> = { kind: kindNaming, k3d: k3dNaming };
