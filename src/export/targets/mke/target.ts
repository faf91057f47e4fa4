// Mirantis Kubernetes Engine (DKE, Docker's Kubernetes, now MKE): launchpad.yaml for MKE 3 (installed with
// Mirantis Launchpad), mke4.yaml for MKE 4 (installed with mkectl), and commands.sh for either. Hosts are yours:
// their addresses and SSH key are settings; the MKE releases are settings too, since each pins its Kubernetes.
import { InvalidInputError } from '../../../errors.js';
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { etcdQuorumFindings } from '../node-counts.js';
import { placeholderFor, settingsReader } from '../settings.js';
import { info, review, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { launchpadConfig, mke4Config, type MkeValues } from './documents.js';
import { mkeProfile } from './profile.js';

// Releases named in Mirantis' own examples (MKE 3 docs, mke-docs' create-cluster.md); not a statement of what is newest.
const DEFAULT_MKE3 = '3.8.8';
const DEFAULT_MKE4 = 'v4.1.3';

const SETTINGS: SettingDocs = {
  hosts: "the hosts' addresses, comma-separated, managers (control planes) first, then workers: one per node of the dev cluster",
  'ssh-key-path': 'the private key Launchpad and mkectl log in to every host with',
  'ssh-user': 'the SSH user on the hosts (Launchpad and mkectl default to root)',
  'mke-version': "the MKE 3 release for launchpad.yaml (e.g. 3.8.8): choose one whose Kubernetes is at least the dev cluster's",
  'mke4-version': "the MKE 4 release for mke4.yaml (e.g. v4.1.3): choose one whose Kubernetes is at least the dev cluster's",
  'mcr-channel': 'the Mirantis Container Runtime channel Launchpad installs from (default stable-25.0)',
  'external-address': 'a DNS name or load balancer for the API and the MKE UI, added to the certificates',
};

function addresses(facts: DevClusterFacts, given: string | undefined): string[] {
  // The nodes the dev cluster has; at least one worker host is written, so the file shows both roles.
  const count = facts.controlPlanes + Math.max(facts.workers, 1);
  if (given === undefined) return Array.from({ length: count }, () => placeholderFor('hosts'));
  if (given.includes('{n}')) return Array.from({ length: count }, (_, i) => given.replaceAll('{n}', String(i + 1)));
  const list = given.split(',').map((a) => a.trim());
  if (list.length !== count || list.some((a) => a === '')) {
    throw new InvalidInputError(
      `--set hosts: MKE needs ${count} addresses (${facts.controlPlanes} manager${facts.controlPlanes === 1 ? '' : 's'}, then ${Math.max(facts.workers, 1)} worker${Math.max(facts.workers, 1) === 1 ? '' : 's'}), got ${list.length}`,
    );
  }
  return list;
}

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('mke', SETTINGS, settings);
  const values: MkeValues = {
    addresses: addresses(facts, read.given('hosts')),
    sshUser: read.optional('ssh-user'),
    sshKeyPath: read.required('ssh-key-path'),
    // Version fields take a version (the schemas' patterns), not a placeholder: releases kindling knows of, to review.
    mke3Version: read.given('mke-version') ?? DEFAULT_MKE3,
    mke4Version: read.given('mke4-version') ?? DEFAULT_MKE4,
    mcrChannel: read.given('mcr-channel') ?? 'stable-25.0',
    externalAddress: read.optional('external-address'),
  };
  const header = fileHeader('mke', facts);
  const files: SourceFile[] = [
    {
      path: 'launchpad.yaml',
      header: [...header, 'MKE 3: launchpad apply --config launchpad.yaml'],
      documents: [launchpadConfig(facts, values)],
    },
    { path: 'mke4.yaml', header: [...header, 'MKE 4: mkectl apply -f mke4.yaml'], documents: [mke4Config(facts, values)] },
    {
      path: 'commands.sh',
      script: {
        header: [...header, 'Run one of the two steps: MKE 3 with Mirantis Launchpad, or MKE 4 with mkectl.'],
        steps: [
          {
            comment: ['MKE 3 (Launchpad installs MCR, then MKE, on every host over SSH):'],
            commands: [['launchpad', 'apply', '--config', 'launchpad.yaml']],
          },
          {
            comment: ['MKE 4 (mkectl installs k0s-based MKE on every host over SSH):'],
            commands: [['mkectl', 'apply', '-f', 'mke4.yaml']],
          },
        ],
      },
    },
  ];
  const chosen = [
    ...(read.given('mke-version') ? [] : [`MKE ${DEFAULT_MKE3} (--set mke-version)`]),
    ...(read.given('mke4-version') ? [] : [`MKE ${DEFAULT_MKE4} (--set mke4-version)`]),
  ];
  const findings: Finding[] = [
    info(
      'version-unverified',
      `mke: each MKE release pins its Kubernetes; choose releases at or above the dev cluster's ${facts.kubernetesVersion}`,
    ),
    ...(chosen.length > 0
      ? [review(`mke: the files name ${chosen.join(' and ')}, releases from Mirantis' examples: check they are current`)]
      : []),
    info('cni-changed', `mke: Calico replaces the dev cluster's ${facts.cni}; its pod and service CIDRs carry over`),
    ...(facts.workers === 0
      ? [
          info(
            'nodes-changed',
            'mke: one worker host is written although the dev cluster had none: MKE 3 keeps workloads off managers by default',
          ),
        ]
      : []),
    ...etcdQuorumFindings('mke', facts.controlPlanes),
  ];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** MKE 3's launchpad.yaml and MKE 4's mke4.yaml, and the commands that install them. */
export const mkeTarget: Target = { name: 'mke', settings: SETTINGS, generate, profile: mkeProfile };
