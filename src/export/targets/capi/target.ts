// Generic Cluster API: cluster.yaml, a cluster.x-k8s.io/v1beta2 Cluster with topology (the storage version in
// Cluster API v1.14), and commands.sh. The ClusterClass decides the infrastructure, machine sizes and CNI.
import { topologyCluster } from '../cluster-api.js';
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { etcdQuorumFindings, workerNodesFor } from '../node-counts.js';
import { settingsReader } from '../settings.js';
import type { Script } from '../shell-script.js';
import { info, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { fullVersion, mapVersion } from '../versions.js';
import { capiProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  'cluster-class': 'the ClusterClass to build the cluster from, installed on the management cluster (it picks the infrastructure provider)',
  'worker-class': "the ClusterClass's machine deployment class for workers, e.g. default-worker",
  namespace: "the Cluster's namespace on the management cluster; kubectl's current namespace is used",
  'class-namespace': "the ClusterClass's namespace; the Cluster's own namespace is used",
};

function script(facts: DevClusterFacts, namespace: string | undefined): Script {
  const describe = ['clusterctl', 'describe', 'cluster', facts.name, ...(namespace ? ['--namespace', namespace] : [])];
  return {
    header: [
      ...fileHeader('capi', facts),
      'Run against the management cluster, with the providers installed (clusterctl init) and the ClusterClass applied.',
    ],
    steps: [{ comment: ['Create the cluster and watch it come up.'], commands: [['kubectl', 'apply', '-f', 'cluster.yaml'], describe] }],
  };
}

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('capi', SETTINGS, settings);
  const version = mapVersion('capi', capiProfile.versions, facts.kubernetesVersion);
  const workers = workerNodesFor('capi', facts);
  const namespace = read.optional('namespace');
  const cluster = topologyCluster(facts, {
    apiVersion: 'v1beta2',
    namespace,
    clusterClass: read.required('cluster-class'),
    classNamespace: read.optional('class-namespace'),
    version: fullVersion(facts.kubernetesVersion, version.minor),
    controlPlanes: facts.controlPlanes,
    workerClass: read.required('worker-class'),
    workerName: 'md-0',
    workers: workers.count,
    variables: [],
  });
  const cni = `capi: no CNI is installed unless the ClusterClass or a ClusterResourceSet adds one (the dev cluster ran ${facts.cni}); the pod and service CIDRs carry over`;
  const findings: Finding[] = [
    ...version.findings,
    ...workers.findings,
    info('cni-changed', cni),
    ...etcdQuorumFindings('capi', facts.controlPlanes),
  ];
  const variables = "Machine sizes and other provider knobs are the ClusterClass's variables: add them under spec.topology.variables.";
  const files: SourceFile[] = [
    { path: 'cluster.yaml', header: [...fileHeader('capi', facts), variables], documents: [cluster] },
    { path: 'commands.sh', script: script(facts, namespace) },
  ];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** A generic Cluster API Cluster with topology. */
export const capiTarget: Target = { name: 'capi', settings: SETTINGS, generate, profile: capiProfile };
