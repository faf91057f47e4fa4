// Dev clusters and settings the target tests share: the built-in presets as they ship, a kind cluster with
// three control planes and two workers, a k3d cluster with agents, and a --set map that covers every key.
import type { DevClusterFacts } from '../../../../src/export/targets/dev-cluster.js';

/** The built-in kind preset: one control plane that runs workloads, Kubernetes v1.36.1. */
export const KIND_DEFAULT: DevClusterFacts = {
  name: 'kind',
  engine: 'kind',
  kubernetesVersion: 'v1.36.1',
  controlPlanes: 1,
  workers: 0,
  podSubnet: '10.244.0.0/16',
  serviceSubnet: '10.96.0.0/16',
  cni: 'kindnetd',
};

/** kind with three control planes and two workers. */
export const KIND_HA: DevClusterFacts = { ...KIND_DEFAULT, name: 'shop', controlPlanes: 3, workers: 2 };

/** The built-in k3d preset: one k3s server, Kubernetes v1.35.5, flannel. */
export const K3D_DEFAULT: DevClusterFacts = {
  name: 'k3s-default',
  engine: 'k3d',
  kubernetesVersion: 'v1.35.5',
  controlPlanes: 1,
  workers: 0,
  podSubnet: '10.42.0.0/16',
  serviceSubnet: '10.43.0.0/16',
  cni: 'flannel',
};

/** k3d with one server and three agents. */
export const K3D_AGENTS: DevClusterFacts = { ...K3D_DEFAULT, name: 'edge', workers: 3 };

/** Every dev cluster above. */
export const ALL_FACTS: readonly DevClusterFacts[] = [KIND_DEFAULT, KIND_HA, K3D_DEFAULT, K3D_AGENTS];

/** A value for every setting any target reads; `<target>.<key>` where clouds spell them differently. */
export const FULL_SETTINGS: Readonly<Record<string, string>> = {
  'control-plane-host': 'api.shop.example.com',
  'join-token': 'abcdef.0123456789abcdef',
  'ca-cert-hash': 'sha256:0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
  'certificate-key': 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeedf00dfeed',
  'rke2.join-token': 'K10-shared-secret',
  cloud: 'aws',
  zone: 'eu-west-1a',
  'gke.zone': 'europe-west1-b',
  'state-store': 's3://shop-kops-state',
  'base-domain': 'shop.example.com',
  region: 'eu-west-1',
  'aks.region': 'westeurope',
  'machine-type': 'm6i.large',
  'gke.machine-type': 'e2-standard-4',
  'aks.machine-type': 'Standard_D4s_v5',
  'control-plane-machine-type': 'm6i.xlarge',
  project: 'shop-prod',
  'resource-group': 'shop-rg',
  platform: 'aws',
  'base-domain-resource-group': 'dns-rg',
  'pull-secret': '{"auths":{"cloud.openshift.com":{"auth":"c2VjcmV0"}}}',
  'ssh-key': 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKindlingTestKey kindling@example',
  'cloud-credential': 'cattle-global-data:cc-shop',
  'machine-config-kind': 'Amazonec2Config',
  'machine-config': 'shop-workers',
  'control-plane-machine-config': 'shop-control-plane',
  namespace: 'shop',
  'tanzu.namespace': 'shop-vsphere-ns',
  tkr: 'v1.33.6+vmware.1-fips',
  'vm-class': 'best-effort-small',
  hosts: 'node-{n}.shop.example.com',
  'ssh-key-path': '~/.ssh/shop_ed25519',
  'ssh-user': 'ubuntu',
  'mke-version': '3.8.8',
  'mke4-version': 'v4.1.3',
  'mcr-channel': 'stable-25.0',
  'external-address': 'mke.shop.example.com',
  'storage-class': 'vsan-default-storage-policy',
  'cluster-class': 'quick-start',
  'tanzu.cluster-class': 'tanzukubernetescluster',
  'class-namespace': 'capi-classes',
  'tanzu.class-namespace': 'vmware-system-vks-public',
  'worker-class': 'default-worker',
};
