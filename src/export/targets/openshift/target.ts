// OpenShift (installer-provisioned): install-config.yaml and commands.sh. The Kubernetes version is the
// installer's: install-config has no version field, so commands.sh names the openshift-install release.
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { controlPlaneChange } from '../node-counts.js';
import { settingsReader } from '../settings.js';
import { info, review, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { mapVersion } from '../versions.js';
import { installConfig, parsePlatform, PLATFORMS, type InstallConfigValues } from './documents.js';
import { OPENSHIFT_RELEASES, openshiftProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  platform:
    'the cloud: aws, gcp or azure (then region, and for gcp project, for azure base-domain-resource-group); unset: none, machines you make',
  'base-domain': 'the DNS domain the cluster lives under, as <name>.<base-domain>; its zone must exist in the cloud',
  region: 'the cloud region, e.g. eu-west-1 (aws), europe-west1 (gcp), westeurope (azure)',
  project: 'the Google Cloud project ID (gcp)',
  'base-domain-resource-group': 'the Azure resource group holding the base domain DNS zone (azure)',
  'pull-secret': 'your pull secret from console.redhat.com (JSON)',
  'ssh-key': 'an SSH public key for the nodes; without it there is no SSH access',
  'machine-type': 'instance type of the worker machines; the installer picks one per platform',
  'control-plane-machine-type': 'instance type of the control-plane machines; the installer picks one per platform',
};

// Installer-provisioned clusters have three control-plane machines (one is single-node OpenShift, which is
// installed another way).
const CONTROL_PLANES = 3;

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('openshift', SETTINGS, settings);
  const version = mapVersion('openshift', openshiftProfile.versions, facts.kubernetesVersion);
  const platform = parsePlatform(read.given('platform'));
  const values: InstallConfigValues = {
    platform,
    platformFields: platform ? PLATFORMS[platform](read) : {},
    baseDomain: read.required('base-domain'),
    pullSecret: read.required('pull-secret'),
    sshKey: read.optional('ssh-key'),
    controlPlanes: CONTROL_PLANES,
    machineType: platform ? read.optional('machine-type') : undefined,
    controlPlaneMachineType: platform ? read.optional('control-plane-machine-type') : undefined,
  };
  const release = OPENSHIFT_RELEASES[version.minor]!;
  const header = fileHeader('openshift', facts);
  const cni = `openshift: OVN-Kubernetes replaces the dev cluster's ${facts.cni}; its pod and service CIDRs carry over`;
  const compact = 'openshift: no workers, as in the dev cluster: a compact cluster whose 3 control planes run workloads';
  const findings: Finding[] = [
    ...version.findings,
    ...controlPlaneChange('openshift', facts, CONTROL_PLANES),
    ...(facts.workers === 0 ? [info('nodes-changed', compact)] : []),
    info('cni-changed', cni),
    ...(platform
      ? []
      : [
          review(
            'openshift: platform is none (user-provisioned infrastructure: you make the machines); --set openshift.platform=aws|gcp|azure has the installer make them',
          ),
        ]),
  ];
  const files: SourceFile[] = [
    { path: 'install-config.yaml', header, documents: [installConfig(facts, values)] },
    {
      path: 'commands.sh',
      script: {
        header: [...header, `Use openshift-install ${release} (OpenShift ${release} ships Kubernetes 1.${version.minor}).`],
        steps: [
          {
            comment: ['openshift-install consumes install-config.yaml from its folder: give it a copy.'],
            commands: [
              ['mkdir', '-p', 'install'],
              ['cp', 'install-config.yaml', 'install/'],
              ['openshift-install', 'create', 'cluster', '--dir', 'install'],
            ],
          },
        ],
      },
    },
  ];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** OpenShift install-config.yaml for installer-provisioned aws, gcp or azure clusters. */
export const openshiftTarget: Target = { name: 'openshift', settings: SETTINGS, generate, profile: openshiftProfile };
