// EKS through eksctl: cluster.yaml (eksctl.io/v1alpha5 ClusterConfig with one managed node group) and
// commands.sh. Schema: eksctl @ v0.230.0 pkg/apis/eksctl.io/v1alpha5/assets/schema.json.
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { workerNodesFor } from '../node-counts.js';
import { settingsReader, type SettingsReader } from '../settings.js';
import { info, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { mapVersion } from '../versions.js';
import { eksProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  region: 'the AWS region, e.g. eu-west-1',
  'machine-type': 'EC2 instance type of the managed node group; eksctl uses m5.large',
};

function clusterConfig(facts: DevClusterFacts, read: SettingsReader, minor: number, nodes: number): Record<string, unknown> {
  const instanceType = read.optional('machine-type');
  return {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: facts.name, region: read.required('region'), version: `1.${minor}` },
    kubernetesNetworkConfig: { serviceIPv4CIDR: facts.serviceSubnet },
    managedNodeGroups: [
      { name: 'workers', ...(instanceType ? { instanceType } : {}), desiredCapacity: nodes, minSize: nodes, maxSize: nodes },
    ],
  };
}

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('eks', SETTINGS, settings);
  const version = mapVersion('eks', eksProfile.versions, facts.kubernetesVersion);
  const workers = workerNodesFor('eks', facts);
  const cni = `eks: pods get VPC addresses from the Amazon VPC CNI, so the dev cluster's ${facts.cni} and pod CIDR ${facts.podSubnet} do not carry over; the service CIDR does`;
  const findings: Finding[] = [...version.findings, ...workers.findings, info('cni-changed', cni)];
  const create = {
    comment: ['Create the cluster and its node group (eksctl writes the kubeconfig entry).'],
    commands: [['eksctl', 'create', 'cluster', '-f', 'cluster.yaml']],
  };
  const files: SourceFile[] = [
    { path: 'cluster.yaml', header: fileHeader('eks', facts), documents: [clusterConfig(facts, read, version.minor, workers.count)] },
    { path: 'commands.sh', script: { header: fileHeader('eks', facts), steps: [create] } },
  ];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** An eksctl ClusterConfig with managedNodeGroups. */
export const eksTarget: Target = { name: 'eks', settings: SETTINGS, generate, profile: eksProfile };
