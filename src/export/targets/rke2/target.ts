// RKE2 standalone: config.yaml for the first server, join-server-config.yaml for more servers,
// agent-config.yaml for agents, and commands.sh installing the mapped RKE2 release on each host.
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { etcdQuorumFindings } from '../node-counts.js';
import { settingsReader } from '../settings.js';
import type { ScriptStep } from '../shell-script.js';
import type { Finding, SettingDocs, Settings, Target } from '../target.js';
import { mapVersion } from '../versions.js';
import { rke2Cni } from './cni.js';
import { agentConfig, firstServerConfig, joinServerConfig, type Rke2Values } from './documents.js';
import { rke2Profile, rke2Release } from './profile.js';

const SETTINGS: SettingDocs = {
  'control-plane-host':
    'DNS name or IP address of the first server (or a load balancer in front of the servers); nodes register through port 9345',
  'join-token':
    'the cluster token, from /var/lib/rancher/rke2/server/node-token on the first server; when set, the first server uses it too',
};

function installSteps(release: string, facts: DevClusterFacts): ScriptStep[] {
  const install = (type: 'server' | 'agent', config: string): string[][] => [
    ['mkdir', '-p', '/etc/rancher/rke2'],
    ['cp', config, '/etc/rancher/rke2/config.yaml'],
    ['curl', '-sfL', 'https://get.rke2.io', '-o', 'install-rke2.sh'],
    ['env', `INSTALL_RKE2_VERSION=${release}`, `INSTALL_RKE2_TYPE=${type}`, 'sh', 'install-rke2.sh'],
    ['systemctl', 'enable', '--now', `rke2-${type}.service`],
  ];
  const servers = {
    comment: [`On each of the other ${facts.controlPlanes - 1} server hosts:`],
    commands: install('server', 'join-server-config.yaml'),
  };
  const agents =
    facts.workers > 0
      ? `On each of the ${facts.workers} agent hosts:`
      : 'To add agent hosts later (the dev cluster has none; servers run workloads), on each of them:';
  return [
    { comment: ['On the first server host:'], commands: install('server', 'config.yaml') },
    ...(facts.controlPlanes > 1 ? [servers] : []),
    { comment: [agents], commands: install('agent', 'agent-config.yaml') },
  ];
}

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('rke2', SETTINGS, settings);
  const version = mapVersion('rke2', rke2Profile.versions, facts.kubernetesVersion);
  const release = rke2Release(version.minor);
  // RKE2's own default CNI is canal (promotion.md §1.7).
  const cni = rke2Cni('rke2', facts, 'canal');
  const values: Rke2Values = {
    cni: cni.cni,
    server: `https://${read.required('control-plane-host')}:9345`,
    token: read.required('join-token'),
    serverToken: read.given('join-token'),
    tlsSan: read.given('control-plane-host'),
  };
  const header = fileHeader('rke2', facts);
  const files: SourceFile[] = [
    { path: 'config.yaml', header, documents: [firstServerConfig(facts, values)] },
    ...(facts.controlPlanes > 1 ? [{ path: 'join-server-config.yaml', header, documents: [joinServerConfig(facts, values)] }] : []),
    { path: 'agent-config.yaml', header, documents: [agentConfig(values)] },
    {
      path: 'commands.sh',
      script: {
        header: [...header, `Installs RKE2 ${release}; run each step on the hosts its comment names.`],
        steps: installSteps(release, facts),
      },
    },
  ];
  const findings: Finding[] = [...version.findings, ...cni.findings, ...etcdQuorumFindings('rke2', facts.controlPlanes)];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** RKE2 config.yaml files and the install commands. */
export const rke2Target: Target = { name: 'rke2', settings: SETTINGS, generate, profile: rke2Profile };
