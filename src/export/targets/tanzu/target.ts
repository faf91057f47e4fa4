// Tanzu (TKG Service / vSphere Kubernetes Service): cluster.yaml, a cluster.x-k8s.io/v1beta1 Cluster built
// from the Supervisor's ClusterClass, and commands.sh. Versions are the TKr/VKr releases installed on each
// Supervisor; no public matrix exists (promotion.md §1.8), so the release is the user's to name.
import { topologyCluster } from '../cluster-api.js';
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { controlPlaneChange, workerNodesFor } from '../node-counts.js';
import { settingsReader } from '../settings.js';
import { info, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { tanzuProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  namespace: 'the vSphere Namespace to create the cluster in',
  tkr: 'the Tanzu Kubernetes release (TKr/VKr) to run, as `kubectl get tkr` lists them on the Supervisor, e.g. v1.33.6+vmware.1-fips',
  'vm-class': 'the VM class of the nodes, e.g. best-effort-small (`kubectl get virtualmachineclass` in the namespace)',
  'storage-class': 'the storage policy (StorageClass) for the node disks, e.g. vsan-default-storage-policy',
  'cluster-class': 'the ClusterClass; TKG Service ships tanzukubernetescluster (VKS 3.x adds builtin-generic-v3.x classes)',
  'class-namespace':
    "the ClusterClass's namespace, e.g. vmware-system-vks-public for VKS builtin classes; the cluster's own namespace when not set",
};

// The ClusterClass TKG Service ships ("ClusterClass API v1beta1", https://docs.vmware.com/en/VMware-vSphere/8.0/
// vsphere-with-tanzu-tkg/GUID-69E52B31-6DEC-412D-B60E-FE733156F708.html) and its worker class, node-pool, as
// Supervisor cluster examples use it.
const DEFAULT_CLUSTER_CLASS = 'tanzukubernetescluster';
const WORKER_CLASS = 'node-pool';

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('tanzu', SETTINGS, settings);
  const workers = workerNodesFor('tanzu', facts);
  // The ClusterClass's control plane runs 1 or 3 replicas.
  const controlPlanes = facts.controlPlanes === 1 ? 1 : 3;
  const cluster = topologyCluster(facts, {
    apiVersion: 'v1beta1',
    namespace: read.required('namespace'),
    clusterClass: read.optional('cluster-class') ?? DEFAULT_CLUSTER_CLASS,
    classNamespace: read.given('class-namespace'),
    version: read.required('tkr'),
    controlPlanes,
    workerClass: WORKER_CLASS,
    workerName: 'node-pool-1',
    workers: workers.count,
    variables: [
      { name: 'vmClass', value: read.required('vm-class') },
      { name: 'storageClass', value: read.required('storage-class') },
    ],
  });
  const version = `tanzu: pick a TKr/VKr of Kubernetes ${facts.kubernetesVersion} or the nearest older one installed on the Supervisor; kindling cannot see which exist`;
  const cni = `tanzu: the ClusterClass installs its own CNI (antrea by default) instead of the dev cluster's ${facts.cni}; the pod and service CIDRs carry over`;
  const findings: Finding[] = [
    info('version-unverified', version),
    ...controlPlaneChange('tanzu', facts, controlPlanes),
    ...workers.findings,
    info('cni-changed', cni),
  ];
  const header = fileHeader('tanzu', facts);
  const files: SourceFile[] = [
    { path: 'cluster.yaml', header, documents: [cluster] },
    {
      path: 'commands.sh',
      script: {
        header: [...header, 'Log in to the Supervisor first: kubectl vsphere login --server SUPERVISOR --vsphere-username USER'],
        steps: [{ comment: ['Create the cluster in its vSphere Namespace.'], commands: [['kubectl', 'apply', '-f', 'cluster.yaml']] }],
      },
    },
  ];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** A Tanzu (TKG Service / VKS) Cluster with topology. */
export const tanzuTarget: Target = { name: 'tanzu', settings: SETTINGS, generate, profile: tanzuProfile };
