// GKE as Config Connector objects (container.cnrm.cloud.google.com/v1beta1 ContainerCluster and
// ContainerNodePool; schema: k8s-config-connector @ v1.155.1) and the equivalent gcloud command.
import type { DevClusterFacts } from '../dev-cluster.js';

const API_VERSION = 'container.cnrm.cloud.google.com/v1beta1';

/** The values the definition needs beyond the dev cluster's facts. */
export interface GkeValues {
  project: string;
  zone: string;
  /** `1.36`: GKE picks the patch. */
  version: string;
  nodes: number;
  machineType?: string;
}

/** The ContainerCluster: zonal (so the node count is exact), VPC-native with the dev cluster's CIDRs; its
 * bootstrap node pool is removed in favour of the ContainerNodePool (k8s-config-connector
 * config/samples/resources/containernodepool/basic-node-pool). */
export function containerCluster(facts: DevClusterFacts, values: GkeValues): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    kind: 'ContainerCluster',
    metadata: {
      annotations: { 'cnrm.cloud.google.com/project-id': values.project, 'cnrm.cloud.google.com/remove-default-node-pool': 'true' },
      name: facts.name,
    },
    spec: {
      location: values.zone,
      initialNodeCount: 1,
      minMasterVersion: values.version,
      networkingMode: 'VPC_NATIVE',
      ipAllocationPolicy: { clusterIpv4CidrBlock: facts.podSubnet, servicesIpv4CidrBlock: facts.serviceSubnet },
    },
  };
}

/** The ContainerNodePool holding the workers. */
export function containerNodePool(facts: DevClusterFacts, values: GkeValues): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    kind: 'ContainerNodePool',
    metadata: { annotations: { 'cnrm.cloud.google.com/project-id': values.project }, name: `${facts.name}-workers` },
    spec: {
      location: values.zone,
      clusterRef: { name: facts.name },
      nodeCount: values.nodes,
      ...(values.machineType ? { nodeConfig: { machineType: values.machineType } } : {}),
    },
  };
}

/** `gcloud container clusters create` with the same settings (its default node pool holds the workers). */
export function gcloudCreate(facts: DevClusterFacts, values: GkeValues): string[] {
  return [
    ...['gcloud', 'container', 'clusters', 'create', facts.name],
    ...['--project', values.project, '--zone', values.zone, '--cluster-version', values.version],
    ...['--num-nodes', String(values.nodes), ...(values.machineType ? ['--machine-type', values.machineType] : [])],
    ...['--enable-ip-alias', '--cluster-ipv4-cidr', facts.podSubnet, '--services-ipv4-cidr', facts.serviceSubnet],
  ];
}
