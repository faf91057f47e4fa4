// The two files MKE is installed from: Mirantis Launchpad's launchpad.yaml for MKE 3 (apiVersion
// launchpad.mirantis.com/mke/v1.6, kind mke: Mirantis/launchpad pkg/product/mke/config/cluster.go, cluster_spec.go,
// host.go, mke_config.go; pkg/product/common/config/mcr_config.go) and mkectl's mke4.yaml for MKE 4
// (apiVersion mke.mirantis.com/v1alpha1, kind MkeConfig: Mirantis/mke-docs content/docs/getting-started/
// create-cluster.md, concepts/cni.md). Both list the hosts with their SSH access, managers first.
import type { DevClusterFacts } from '../dev-cluster.js';

/** What the files need beyond the dev cluster's facts. */
export interface MkeValues {
  /** One address per host, managers (control planes) first. */
  addresses: string[];
  sshUser?: string;
  sshKeyPath: string;
  mke3Version: string;
  mke4Version: string;
  /** The MCR channel Launchpad installs the container runtime from. */
  mcrChannel: string;
  externalAddress?: string;
}

function ssh(values: MkeValues, address: string): Record<string, unknown> {
  return { address, ...(values.sshUser ? { user: values.sshUser } : {}), keyPath: values.sshKeyPath };
}

/** launchpad.yaml: managers and workers over SSH, MKE with the dev cluster's CIDRs, MCR from its channel. */
export function launchpadConfig(facts: DevClusterFacts, values: MkeValues): Record<string, unknown> {
  const installFlags = [
    '--default-node-orchestrator=kubernetes',
    `--pod-cidr=${facts.podSubnet}`,
    `--service-cluster-ip-range=${facts.serviceSubnet}`,
    ...(values.externalAddress ? [`--san=${values.externalAddress}`] : []),
  ];
  return {
    apiVersion: 'launchpad.mirantis.com/mke/v1.6',
    kind: 'mke',
    metadata: { name: facts.name },
    spec: {
      hosts: values.addresses.map((address, i) => ({ role: i < facts.controlPlanes ? 'manager' : 'worker', ssh: ssh(values, address) })),
      mke: { version: values.mke3Version, adminUsername: 'admin', installFlags },
      mcr: { channel: values.mcrChannel },
    },
  };
}

/** mke4.yaml: controller+worker hosts for the control planes, workers, Calico on the dev cluster's pod CIDR. */
export function mke4Config(facts: DevClusterFacts, values: MkeValues): Record<string, unknown> {
  return {
    apiVersion: 'mke.mirantis.com/v1alpha1',
    kind: 'MkeConfig',
    // mkectl installs into namespace mke and no other.
    metadata: { name: 'mke', namespace: 'mke' },
    spec: {
      version: values.mke4Version,
      hosts: values.addresses.map((address, i) => ({
        role: i < facts.controlPlanes ? 'controller+worker' : 'worker',
        ssh: ssh(values, address),
      })),
      ...(values.externalAddress ? { apiServer: { externalAddress: values.externalAddress, sans: [values.externalAddress] } } : {}),
      network: {
        serviceCIDR: facts.serviceSubnet,
        providers: [{ provider: 'calico', enabled: true, extraConfig: { cidrV4: facts.podSubnet } }],
      },
    },
  };
}
