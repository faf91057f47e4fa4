// Rancher: cluster.yaml (provisioning.cattle.io/v1 Cluster provisioning RKE2 through a node driver; schema:
// rancher @ v2.15.0 pkg/crds/yaml/generated) and commands.sh applying it to the Rancher management cluster.
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { etcdQuorumFindings } from '../node-counts.js';
import { rke2Cni } from '../rke2/cni.js';
import { rke2Release } from '../rke2/profile.js';
import { settingsReader, type SettingsReader } from '../settings.js';
import type { Finding, SettingDocs, Settings, Target } from '../target.js';
import { mapVersion } from '../versions.js';
import { rancherProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  'cloud-credential': 'the Rancher cloud credential secret for the node driver, as Rancher names it (e.g. cattle-global-data:cc-abcde)',
  'machine-config-kind': 'the node driver machine config kind, e.g. Amazonec2Config, AzureConfig, DigitaloceanConfig, VmwarevsphereConfig',
  'machine-config': 'name of the machine config (in fleet-default) for the worker machines; it holds their size',
  'control-plane-machine-config': 'name of the machine config (in fleet-default) for the control-plane machines; it holds their size',
};

interface PoolShape {
  name: string;
  quantity: number;
  roles: Record<string, boolean>;
  /** The setting naming the pool's machine config. */
  configKey: string;
}

function machinePool(read: SettingsReader, pool: PoolShape): Record<string, unknown> {
  const kind = read.required('machine-config-kind');
  const machineConfigRef = { apiVersion: 'rke-machine-config.cattle.io/v1', kind, name: read.required(pool.configKey) };
  return { name: pool.name, quantity: pool.quantity, ...pool.roles, machineConfigRef };
}

// One pool with the control-plane and etcd roles (also workers when the dev cluster had none, as its
// control planes ran workloads), and one worker pool.
function cluster(facts: DevClusterFacts, read: SettingsReader, release: string, cni: string): Record<string, unknown> {
  const workersOnControlPlanes = facts.workers === 0;
  const controlPlane: PoolShape = {
    name: 'control-plane',
    quantity: facts.controlPlanes,
    roles: { controlPlaneRole: true, etcdRole: true, workerRole: workersOnControlPlanes },
    configKey: 'control-plane-machine-config',
  };
  const workers: PoolShape = { name: 'workers', quantity: facts.workers, roles: { workerRole: true }, configKey: 'machine-config' };
  const pools = [controlPlane, ...(workersOnControlPlanes ? [] : [workers])].map((pool) => machinePool(read, pool));
  return {
    apiVersion: 'provisioning.cattle.io/v1',
    kind: 'Cluster',
    metadata: { name: facts.name, namespace: 'fleet-default' },
    spec: {
      cloudCredentialSecretName: read.required('cloud-credential'),
      kubernetesVersion: release,
      rkeConfig: {
        machineGlobalConfig: { cni, 'cluster-cidr': facts.podSubnet, 'service-cidr': facts.serviceSubnet },
        machinePools: pools,
      },
    },
  };
}

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('rancher', SETTINGS, settings);
  const version = mapVersion('rancher', rancherProfile.versions, facts.kubernetesVersion);
  const release = rke2Release(version.minor);
  // Rancher's planner defaults RKE2's CNI to calico, not canal (rancher @ v2.15.0 pkg/capr/planner/config.go).
  const cni = rke2Cni('rancher', facts, 'calico');
  const header = fileHeader('rancher', facts);
  const files: SourceFile[] = [
    { path: 'cluster.yaml', header, documents: [cluster(facts, read, release, cni.cni)] },
    {
      path: 'commands.sh',
      script: {
        header,
        steps: [
          {
            comment: ["With kubectl's context on Rancher's management (local) cluster:"],
            commands: [['kubectl', 'apply', '-f', 'cluster.yaml']],
          },
        ],
      },
    },
  ];
  const findings: Finding[] = [...version.findings, ...cni.findings, ...etcdQuorumFindings('rancher', facts.controlPlanes)];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** A Rancher provisioning.cattle.io/v1 Cluster provisioning RKE2 on node-driver machines. */
export const rancherTarget: Target = { name: 'rancher', settings: SETTINGS, generate, profile: rancherProfile };
