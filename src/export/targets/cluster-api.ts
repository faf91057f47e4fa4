// A Cluster API `cluster.x-k8s.io` Cluster with a managed topology (schema: cluster-api @ v1.14.0
// core/config/crd/bases/cluster.x-k8s.io_clusters.yaml), shared by the generic CAPI and Tanzu targets.
// v1beta2 names the class with `classRef`; v1beta1, which vSphere Supervisors serve, with `class`.
import type { DevClusterFacts } from './dev-cluster.js';

/** What the topology needs beyond the dev cluster's facts. */
export interface TopologyValues {
  apiVersion: 'v1beta1' | 'v1beta2';
  namespace?: string;
  clusterClass: string;
  classNamespace?: string;
  version: string;
  controlPlanes: number;
  workerClass: string;
  workerName: string;
  workers: number;
  variables: Array<{ name: string; value: string }>;
}

function classReference(values: TopologyValues): Record<string, unknown> {
  const namespace = values.classNamespace;
  if (values.apiVersion === 'v1beta2') return { classRef: { name: values.clusterClass, ...(namespace ? { namespace } : {}) } };
  return { class: values.clusterClass, ...(namespace ? { classNamespace: namespace } : {}) };
}

/** The Cluster: the dev cluster's CIDRs, control-plane replicas and one machine deployment of workers. */
export function topologyCluster(facts: DevClusterFacts, values: TopologyValues): Record<string, unknown> {
  return {
    apiVersion: `cluster.x-k8s.io/${values.apiVersion}`,
    kind: 'Cluster',
    metadata: { name: facts.name, ...(values.namespace ? { namespace: values.namespace } : {}) },
    spec: {
      clusterNetwork: {
        pods: { cidrBlocks: [facts.podSubnet] },
        services: { cidrBlocks: [facts.serviceSubnet] },
        serviceDomain: 'cluster.local',
      },
      topology: {
        ...classReference(values),
        version: values.version,
        controlPlane: { replicas: values.controlPlanes },
        workers: { machineDeployments: [{ class: values.workerClass, name: values.workerName, replicas: values.workers }] },
        ...(values.variables.length > 0 ? { variables: values.variables } : {}),
      },
    },
  };
}
