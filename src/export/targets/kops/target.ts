// kops: cluster.yaml (Cluster + InstanceGroups) and commands.sh, which exports the KOPS_STATE_STORE the
// cluster's configBase points into.
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { etcdQuorumFindings, workerNodesFor } from '../node-counts.js';
import { settingsReader } from '../settings.js';
import type { Script } from '../shell-script.js';
import { info, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { fullVersion, mapVersion } from '../versions.js';
import { instanceGroups, kopsCluster, type KopsValues } from './documents.js';
import { kopsProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  cloud: 'the cloud kops creates the cluster in: aws, gce, azure, digitalocean, hetzner or openstack',
  zone: "the zone of the cluster's subnet and instance groups, e.g. eu-west-1a",
  'state-store': 'the kops state store, e.g. s3://my-kops-state (the bucket must exist before kops create)',
  'base-domain':
    'a DNS zone for the cluster name <name>.<base-domain>; without it the name is <name>.k8s.local and kops uses gossip, no DNS',
  'machine-type': 'machine type of the nodes instance group; kops picks a default for the cloud',
  'control-plane-machine-type': 'machine type of the control-plane instance groups; kops picks a default for the cloud',
};

// kops' choice for the dev CNI: flannel carries over (vxlan, as `--networking flannel-vxlan`); kindnet is
// experimental in kops, so kops' default, cilium, is used instead (promotion.md §1.2).
function networking(facts: DevClusterFacts): { networking: Record<string, unknown>; findings: Finding[] } {
  if (facts.cni === 'flannel') return { networking: { flannel: { backend: 'vxlan' } }, findings: [] };
  const message = `kops: the dev cluster's CNI ${facts.cni} is not a stable kops choice; using kops' default, cilium`;
  return { networking: { cilium: {} }, findings: [info('cni-changed', message)] };
}

function script(facts: DevClusterFacts, values: KopsValues): Script {
  const name = ['--name', values.clusterName];
  return {
    header: fileHeader('kops', facts),
    steps: [
      {
        comment: ['kops keeps the cluster in this state store; the bucket must exist.'],
        env: [['KOPS_STATE_STORE', values.stateStore]],
        commands: [],
      },
      {
        comment: ['Register the cluster and its instance groups, build it, then wait until it is healthy.'],
        commands: [
          ['kops', 'create', '-f', 'cluster.yaml'],
          ['kops', 'update', 'cluster', ...name, '--yes', '--admin'],
          ['kops', 'validate', 'cluster', ...name, '--wait', '10m'],
        ],
      },
    ],
  };
}

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('kops', SETTINGS, settings);
  const version = mapVersion('kops', kopsProfile.versions, facts.kubernetesVersion);
  const workers = workerNodesFor('kops', facts);
  const cni = networking(facts);
  const dnsZone = read.optional('base-domain');
  const values: KopsValues = {
    clusterName: `${facts.name}.${dnsZone ?? 'k8s.local'}`,
    dnsZone,
    cloud: read.required('cloud'),
    zone: read.required('zone'),
    stateStore: read.required('state-store'),
    kubernetesVersion: fullVersion(facts.kubernetesVersion, version.minor),
    networking: cni.networking,
    workers: workers.count,
    machineType: read.optional('machine-type'),
    controlPlaneMachineType: read.optional('control-plane-machine-type'),
  };
  // kops wants pod and service ranges inside its non-masquerade CIDR, so the dev ones are not carried over.
  const ranges =
    "kops: pods and services get kops' own ranges (non-masquerade 100.64.0.0/10, services 100.64.0.0/13), " +
    `not the dev cluster's ${facts.podSubnet} and ${facts.serviceSubnet}`;
  const findings: Finding[] = [
    ...version.findings,
    ...workers.findings,
    ...cni.findings,
    info('network-changed', ranges),
    ...etcdQuorumFindings('kops', facts.controlPlanes),
  ];
  const files: SourceFile[] = [
    { path: 'cluster.yaml', header: fileHeader('kops', facts), documents: [kopsCluster(facts, values), ...instanceGroups(facts, values)] },
    { path: 'commands.sh', script: script(facts, values) },
  ];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** kops Cluster and InstanceGroups with the state store they expect. */
export const kopsTarget: Target = { name: 'kops', settings: SETTINGS, generate, profile: kopsProfile };
