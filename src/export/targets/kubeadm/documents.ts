// kubeadm v1beta4 configuration documents (kubernetes/kubernetes cmd/kubeadm/app/apis/kubeadm/v1beta4; no
// schema is published, so the unit tests compare against reviewed golden files).
import type { DevClusterFacts } from '../dev-cluster.js';

const API_VERSION = 'kubeadm.k8s.io/v1beta4';

/** The values the documents need beyond the dev cluster's facts. */
export interface KubeadmValues {
  kubernetesVersion: string;
  /** `host:6443` */
  endpoint: string;
  token: string;
  caCertHash: string;
  /** Set in InitConfiguration only when the user gave one; otherwise kubeadm init generates it. */
  initToken?: string;
  certificateKey: string;
  initCertificateKey?: string;
}

/** InitConfiguration: the first control plane. With no workers its taint is dropped, as kind does. */
export function initConfiguration(facts: DevClusterFacts, values: KubeadmValues): Record<string, unknown> {
  const multipleControlPlanes = facts.controlPlanes > 1;
  return {
    apiVersion: API_VERSION,
    kind: 'InitConfiguration',
    ...(values.initToken ? { bootstrapTokens: [{ token: values.initToken }] } : {}),
    ...(multipleControlPlanes && values.initCertificateKey ? { certificateKey: values.initCertificateKey } : {}),
    ...(facts.workers === 0 ? { nodeRegistration: { taints: [] } } : {}),
  };
}

/** ClusterConfiguration: version, endpoint and the dev cluster's pod and service CIDRs. */
export function clusterConfiguration(facts: DevClusterFacts, values: KubeadmValues): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    kind: 'ClusterConfiguration',
    clusterName: facts.name,
    kubernetesVersion: values.kubernetesVersion,
    controlPlaneEndpoint: values.endpoint,
    networking: { dnsDomain: 'cluster.local', podSubnet: facts.podSubnet, serviceSubnet: facts.serviceSubnet },
  };
}

/** JoinConfiguration for a worker, or with `controlPlane` for another control-plane node. */
export function joinConfiguration(values: KubeadmValues, controlPlane: boolean): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    kind: 'JoinConfiguration',
    discovery: { bootstrapToken: { apiServerEndpoint: values.endpoint, token: values.token, caCertHashes: [values.caCertHash] } },
    ...(controlPlane ? { controlPlane: { certificateKey: values.certificateKey } } : {}),
  };
}
