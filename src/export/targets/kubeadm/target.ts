// kubeadm: cluster.yaml (Init + Cluster configuration, valid for `kubeadm init` as written), join-worker.yaml and,
// with several control planes, join-control-plane.yaml (their token and CA pin exist only once init has run, so
// they stay placeholders until then), and commands.sh saying which host runs what. Hosts are yours to provision.
import { assembleDefinition, fileHeader, type SourceFile } from '../definition-files.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import { etcdQuorumFindings } from '../node-counts.js';
import { settingsReader } from '../settings.js';
import type { Script } from '../shell-script.js';
import { info, type Finding, type SettingDocs, type Settings, type Target } from '../target.js';
import { fullVersion, mapVersion } from '../versions.js';
import { clusterConfiguration, initConfiguration, joinConfiguration, type KubeadmValues } from './documents.js';
import { kubeadmProfile } from './profile.js';

const SETTINGS: SettingDocs = {
  'control-plane-host':
    'DNS name or IP address of the API server (a load balancer in front of the control planes when there are several); nodes join through port 6443',
  'join-token': 'a bootstrap token from `kubeadm token generate`; when not set, kubeadm init makes one and prints it',
  'ca-cert-hash': 'the CA pin (sha256:...) that kubeadm init prints',
  'certificate-key':
    'the key for the uploaded control-plane certificates, from `kubeadm certs certificate-key`; when not set, kubeadm init --upload-certs makes one and prints it',
};

function script(facts: DevClusterFacts, values: KubeadmValues): Script {
  const multiple = facts.controlPlanes > 1;
  const workers =
    facts.workers > 0
      ? `On each of the ${facts.workers} worker hosts:`
      : 'To add worker hosts later (the dev cluster has none; its workloads run on the control plane), on each of them:';
  return {
    header: [
      ...fileHeader('kubeadm', facts),
      'Run each step on the hosts its comment names; each needs kubeadm, kubelet and a container runtime of the same minor.',
    ],
    steps: [
      {
        comment: [`On the first control-plane host (Kubernetes ${values.kubernetesVersion}):`],
        commands: [['kubeadm', 'init', '--config', 'cluster.yaml', ...(multiple ? ['--upload-certs'] : [])]],
      },
      {
        comment: [`kubeadm installs no CNI: apply one now (the dev cluster ran ${facts.cni}) with its pod CIDR set to ${facts.podSubnet}.`],
        commands: [],
      },
      ...(multiple
        ? [
            {
              comment: [`On each of the other ${facts.controlPlanes - 1} control-plane hosts:`],
              commands: [['kubeadm', 'join', '--config', 'join-control-plane.yaml']],
            },
          ]
        : []),
      { comment: [workers], commands: [['kubeadm', 'join', '--config', 'join-worker.yaml']] },
    ],
  };
}

function generate(facts: DevClusterFacts, settings: Settings) {
  const read = settingsReader('kubeadm', SETTINGS, settings);
  const version = mapVersion('kubeadm', kubeadmProfile.versions, facts.kubernetesVersion);
  const values: KubeadmValues = {
    kubernetesVersion: fullVersion(facts.kubernetesVersion, version.minor),
    endpoint: `${read.required('control-plane-host')}:6443`,
    token: read.required('join-token'),
    caCertHash: read.required('ca-cert-hash'),
    initToken: read.given('join-token'),
    certificateKey: read.required('certificate-key'),
    initCertificateKey: read.given('certificate-key'),
  };
  const header = fileHeader('kubeadm', facts);
  const files: SourceFile[] = [
    { path: 'cluster.yaml', header, documents: [initConfiguration(facts, values), clusterConfiguration(facts, values)] },
    { path: 'join-worker.yaml', header, documents: [joinConfiguration(values, false)] },
    ...(facts.controlPlanes > 1 ? [{ path: 'join-control-plane.yaml', header, documents: [joinConfiguration(values, true)] }] : []),
    { path: 'commands.sh', script: script(facts, values) },
  ];
  const cni = `kubeadm: no CNI is installed; apply one after kubeadm init (the dev cluster ran ${facts.cni}) with pod CIDR ${facts.podSubnet}`;
  const findings: Finding[] = [...version.findings, info('cni-changed', cni), ...etcdQuorumFindings('kubeadm', facts.controlPlanes)];
  return assembleDefinition(files, SETTINGS, findings, read);
}

/** kubeadm v1beta4 configuration for hosts you provision yourself. */
export const kubeadmTarget: Target = { name: 'kubeadm', settings: SETTINGS, generate, profile: kubeadmProfile };
