// kops.k8s.io/v1alpha2 Cluster and InstanceGroups (schema: kops @ v1.36.2 k8s/crds). Only what the dev
// cluster decides is set; kops fills the rest (VPC and subnet CIDRs, topology) when it creates the cluster.
import type { DevClusterFacts } from '../dev-cluster.js';

const API_VERSION = 'kops.k8s.io/v1alpha2';

/** The values the documents need beyond the dev cluster's facts. */
export interface KopsValues {
  clusterName: string;
  dnsZone?: string;
  cloud: string;
  zone: string;
  stateStore: string;
  kubernetesVersion: string;
  networking: Record<string, unknown>;
  workers: number;
  machineType?: string;
  controlPlaneMachineType?: string;
}

/** Control-plane instance group names: one group of one instance per control plane, as kops creates them. */
export function controlPlaneGroups(facts: DevClusterFacts): string[] {
  if (facts.controlPlanes === 1) return ['control-plane'];
  return Array.from({ length: facts.controlPlanes }, (_, i) => `control-plane-${i + 1}`);
}

/** The Cluster: cloud, state store path, etcd members on the control-plane groups, CNI, one public subnet.
 * A gossip name (*.k8s.local) reaches the API through a load balancer, a DNS name through DNS (kops
 * new_cluster.go setupAPI). */
export function kopsCluster(facts: DevClusterFacts, values: KopsValues): Record<string, unknown> {
  const members = controlPlaneGroups(facts).map((group) => ({ instanceGroup: group, name: group }));
  return {
    apiVersion: API_VERSION,
    kind: 'Cluster',
    metadata: { name: values.clusterName },
    spec: {
      api: values.dnsZone ? { dns: {} } : { loadBalancer: { type: 'Public' } },
      cloudProvider: values.cloud,
      configBase: `${values.stateStore}/${values.clusterName}`,
      ...(values.dnsZone ? { dnsZone: values.dnsZone } : {}),
      etcdClusters: ['main', 'events'].map((name) => ({ etcdMembers: members, name })),
      kubernetesVersion: values.kubernetesVersion,
      networking: values.networking,
      subnets: [{ name: values.zone, type: 'Public', zone: values.zone }],
    },
  };
}

function instanceGroup(
  values: KopsValues,
  name: string,
  role: 'Master' | 'Node',
  size: number,
  machineType?: string,
): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    kind: 'InstanceGroup',
    metadata: { labels: { 'kops.k8s.io/cluster': values.clusterName }, name },
    spec: { ...(machineType ? { machineType } : {}), maxSize: size, minSize: size, role, subnets: [values.zone] },
  };
}

/** One `Master` group per control plane (v1alpha2's name for the role) and one `nodes` group. */
export function instanceGroups(facts: DevClusterFacts, values: KopsValues): Array<Record<string, unknown>> {
  return [
    ...controlPlaneGroups(facts).map((name) => instanceGroup(values, name, 'Master', 1, values.controlPlaneMachineType)),
    instanceGroup(values, 'nodes', 'Node', values.workers, values.machineType),
  ];
}
