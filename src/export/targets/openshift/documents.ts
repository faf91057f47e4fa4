// OpenShift's install-config.yaml (install.openshift.io v1 InstallConfig; schema: openshift/installer @
// 5f2b0d3d data/data/install.openshift.io_installconfigs.yaml) for the aws, gcp and azure platforms.
import { InvalidInputError } from '../../../errors.js';
import type { DevClusterFacts } from '../dev-cluster.js';
import type { SettingsReader } from '../settings.js';

/** The platforms kindling writes, each with the fields the installer requires of it. */
export const PLATFORMS = {
  aws: (read: SettingsReader) => ({ region: read.required('region') }),
  gcp: (read: SettingsReader) => ({ projectID: read.required('project'), region: read.required('region') }),
  azure: (read: SettingsReader) => ({
    baseDomainResourceGroupName: read.required('base-domain-resource-group'),
    region: read.required('region'),
  }),
} as const;

/** The values install-config needs beyond the dev cluster's facts. */
export interface InstallConfigValues {
  /** undefined until the user names one: then `none` (user-provisioned infrastructure), the one platform that needs
   * no further choice, and the report lists it as a choice to review. */
  platform?: keyof typeof PLATFORMS;
  platformFields: Record<string, string>;
  baseDomain: string;
  pullSecret: string;
  sshKey?: string;
  controlPlanes: number;
  machineType?: string;
  controlPlaneMachineType?: string;
}

/** The platform a `platform` setting names; InvalidInputError for one kindling does not write. */
export function parsePlatform(value: string | undefined): keyof typeof PLATFORMS | undefined {
  if (value === undefined || value in PLATFORMS) return value as keyof typeof PLATFORMS | undefined;
  throw new InvalidInputError(`--set platform=${value}: kindling writes install-config.yaml for ${Object.keys(PLATFORMS).join(', ')}`);
}

function machinePlatform(values: InstallConfigValues, type: string | undefined): Record<string, unknown> {
  return values.platform && type ? { [values.platform]: { type } } : {};
}

/** install-config.yaml: pools `master` and `worker` (the only names the installer accepts), OVN-Kubernetes
 * on the dev cluster's CIDRs with the installer's default hostPrefix 23. No workers means a compact cluster
 * whose control planes run workloads. */
export function installConfig(facts: DevClusterFacts, values: InstallConfigValues): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    baseDomain: values.baseDomain,
    metadata: { name: facts.name },
    controlPlane: { name: 'master', replicas: values.controlPlanes, platform: machinePlatform(values, values.controlPlaneMachineType) },
    compute: [{ name: 'worker', replicas: facts.workers, platform: machinePlatform(values, values.machineType) }],
    networking: {
      networkType: 'OVNKubernetes',
      clusterNetwork: [{ cidr: facts.podSubnet, hostPrefix: 23 }],
      serviceNetwork: [facts.serviceSubnet],
    },
    // A placeholder may stand only where the schema takes a string: `platform` takes known keys only.
    platform: values.platform ? { [values.platform]: values.platformFields } : { none: {} },
    pullSecret: values.pullSecret,
    ...(values.sshKey ? { sshKey: values.sshKey } : {}),
  };
}
