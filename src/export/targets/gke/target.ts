// GKE: cluster.yaml (Config Connector) and commands.sh (the same cluster with gcloud); use one or the other.
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { workerNodesFor } from '../node-counts.js';
import { settingsReader } from '../settings.js';
import { info, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { mapVersion } from '../versions.js';
import { containerCluster, containerNodePool, gcloudCreate, type GkeValues } from './documents.js';
import { gkeProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  project: 'the Google Cloud project ID',
  zone: 'the zone of the (zonal) cluster, e.g. europe-west1-b',
  'machine-type': 'machine type of the worker node pool; GKE uses e2-medium',
};

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('gke', SETTINGS, settings);
  const version = mapVersion('gke', gkeProfile.versions, facts.kubernetesVersion);
  const workers = workerNodesFor('gke', facts);
  const values: GkeValues = {
    project: read.required('project'),
    zone: read.required('zone'),
    version: `1.${version.minor}`,
    nodes: workers.count,
    machineType: read.optional('machine-type'),
  };
  const cni = `gke: GKE runs its own pod network, so the dev cluster's ${facts.cni} does not carry over; its pod and service CIDRs do`;
  const findings: Finding[] = [...version.findings, ...workers.findings, info('cni-changed', cni)];
  const header = fileHeader('gke', facts);
  const usage = 'Apply to a cluster running Config Connector; commands.sh creates the same cluster with gcloud instead.';
  const gcloud = {
    comment: ['The same cluster as cluster.yaml, with gcloud (use one or the other).'],
    commands: [gcloudCreate(facts, values)],
  };
  const files: SourceFile[] = [
    { path: 'cluster.yaml', header: [...header, usage], documents: [containerCluster(facts, values), containerNodePool(facts, values)] },
    { path: 'commands.sh', script: { header, steps: [gcloud] } },
  ];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** GKE as Config Connector ContainerCluster + ContainerNodePool, and the gcloud command. */
export const gkeTarget: Target = { name: 'gke', settings: SETTINGS, generate, profile: gkeProfile };
