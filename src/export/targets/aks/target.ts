// AKS: commands.sh with `az aks create` (Azure CNI Overlay carrying the dev cluster's CIDRs). No Azure
// Service Operator YAML: its ManagedCluster CRD is not among the reference schemas, so it could not be
// validated (promotion.md §1.5, schemas/SOURCES.md).
import { clusterDnsAddress } from '../cidr.js';
import { assembleDefinition, fileHeader } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { workerNodesFor } from '../node-counts.js';
import { settingsReader } from '../settings.js';
import type { Script } from '../shell-script.js';
import { info, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { mapVersion } from '../versions.js';
import { aksProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  'resource-group': 'the Azure resource group for the cluster (created if missing)',
  region: 'the Azure region, e.g. westeurope',
  'machine-type': 'VM size of the node pool (--node-vm-size); AKS picks its default size',
};

/** The values the commands need beyond the dev cluster's facts. */
interface AksValues {
  resourceGroup: string;
  region: string;
  version: string;
  nodes: number;
  vmSize?: string;
}

// Overlay mode keeps pod addresses off the VNet, as in the dev cluster; DNS sits at the service range's
// 10th address like kubeadm's and K3s's (AKS's own default is 10.0.0.10 in 10.0.0.0/16).
function aksCreate(facts: DevClusterFacts, values: AksValues): string[] {
  return [
    ...['az', 'aks', 'create', '--resource-group', values.resourceGroup, '--name', facts.name, '--location', values.region],
    ...[
      '--kubernetes-version',
      values.version,
      '--node-count',
      String(values.nodes),
      ...(values.vmSize ? ['--node-vm-size', values.vmSize] : []),
    ],
    ...['--network-plugin', 'azure', '--network-plugin-mode', 'overlay', '--pod-cidr', facts.podSubnet],
    ...['--service-cidr', facts.serviceSubnet, '--dns-service-ip', clusterDnsAddress(facts.serviceSubnet), '--generate-ssh-keys'],
  ];
}

function script(facts: DevClusterFacts, values: AksValues): Script {
  const group = ['az', 'group', 'create', '--name', values.resourceGroup, '--location', values.region];
  const credentials = ['az', 'aks', 'get-credentials', '--resource-group', values.resourceGroup, '--name', facts.name];
  return {
    header: fileHeader('aks', facts),
    steps: [
      { comment: ['Create the resource group (this succeeds when it already exists in the same region).'], commands: [group] },
      { comment: ['The cluster, then a kubeconfig entry for it.'], commands: [aksCreate(facts, values), credentials] },
    ],
  };
}

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('aks', SETTINGS, settings);
  const version = mapVersion('aks', aksProfile.versions, facts.kubernetesVersion);
  const workers = workerNodesFor('aks', facts);
  const values: AksValues = {
    resourceGroup: read.required('resource-group'),
    region: read.required('region'),
    version: `1.${version.minor}`,
    nodes: workers.count,
    vmSize: read.optional('machine-type'),
  };
  const cni = `aks: Azure CNI Overlay replaces the dev cluster's ${facts.cni}; its pod and service CIDRs carry over`;
  const findings: Finding[] = [...version.findings, ...workers.findings, info('cni-changed', cni)];
  return assembleDefinition([{ path: 'commands.sh', script: script(facts, values) }], SETTINGS, findings, read);
}

/** AKS as `az aks create`. */
export const aksTarget: Target = { name: 'aks', settings: SETTINGS, generate, profile: aksProfile };
