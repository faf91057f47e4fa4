import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../../src/errors.js';
import { openshiftTarget } from '../../../../../src/export/targets/openshift/target.js';
import { thrown } from '../../../../support/unit/thrown.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, lazy, placeholderSetKeys, schemaErrors } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, K3D_DEFAULT, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { crdValidator, SCHEMA_TIMEOUT, schemasAvailable, yamlDocuments } from '../upstream-schemas.js';

const validate = lazy(() => crdValidator('openshift-installer__install.openshift.io_installconfigs.yaml', 'v1'));
const installConfig = (facts = KIND_HA, settings: Record<string, string> = FULL_SETTINGS) =>
  yamlDocuments(fileContent(openshiftTarget.generate(facts, settings), 'install-config.yaml'))[0] as Record<string, unknown>;
const withPlatform = (platform: string) => ({ ...FULL_SETTINGS, platform });

describe.skipIf(!schemasAvailable)('openshift: install-config.yaml against the installer CRD (v1)', () => {
  it.each(ALL_FACTS)(
    '$name, with and without settings, on every platform',
    (facts) => {
      for (const settings of [FULL_SETTINGS, withPlatform('gcp'), withPlatform('azure'), {}]) {
        expect(schemaErrors(openshiftTarget.generate(facts, settings), 'install-config.yaml', validate)).toEqual([]);
      }
    },
    SCHEMA_TIMEOUT,
  );
});

describe('openshift', () => {
  it('with every setting: complete, on each platform', () => {
    for (const facts of ALL_FACTS) {
      for (const platform of ['aws', 'gcp', 'azure']) expectComplete(openshiftTarget.generate(facts, withPlatform(platform)));
    }
  });

  it('three control planes, the dev workers, OVN-Kubernetes on the dev CIDRs', () => {
    expect(installConfig()).toEqual({
      apiVersion: 'v1',
      baseDomain: 'shop.example.com',
      metadata: { name: 'shop' },
      controlPlane: { name: 'master', replicas: 3, platform: { aws: { type: 'm6i.xlarge' } } },
      compute: [{ name: 'worker', replicas: 2, platform: { aws: { type: 'm6i.large' } } }],
      networking: {
        networkType: 'OVNKubernetes',
        clusterNetwork: [{ cidr: '10.244.0.0/16', hostPrefix: 23 }],
        serviceNetwork: ['10.96.0.0/16'],
      },
      platform: { aws: { region: 'eu-west-1' } },
      pullSecret: FULL_SETTINGS['pull-secret'],
      sshKey: FULL_SETTINGS['ssh-key'],
    });
  });

  it('each platform with the fields the installer requires', () => {
    expect(installConfig(KIND_HA, withPlatform('gcp')).platform).toEqual({ gcp: { projectID: 'shop-prod', region: 'eu-west-1' } });
    expect(installConfig(KIND_HA, withPlatform('azure')).platform).toEqual({
      azure: { baseDomainResourceGroupName: 'dns-rg', region: 'eu-west-1' },
    });
  });

  it('without settings: platform none (valid, and listed as a choice to review); with one, its own fields are placeholders', () => {
    const bare = openshiftTarget.generate(KIND_DEFAULT, {});
    expect(placeholderSetKeys(bare)).toEqual(['base-domain', 'pull-secret']);
    expect(installConfig(KIND_DEFAULT, {}).platform).toEqual({ none: {} });
    expect(bare.findings.filter((f) => f.code === 'choice-to-review').map((f) => f.message)).toEqual([
      expect.stringContaining('openshift: platform is none (user-provisioned infrastructure'),
    ]);
    expectPlaceholdersListedExactly(bare);
    const gcp = openshiftTarget.generate(KIND_DEFAULT, { platform: 'gcp' });
    expect(placeholderSetKeys(gcp)).toEqual(['base-domain', 'project', 'pull-secret', 'region']);
    expectPlaceholdersListedExactly(gcp);
  });

  it('a platform kindling does not write is invalid input', () => {
    expect(thrown(InvalidInputError, () => openshiftTarget.generate(KIND_DEFAULT, { platform: 'vsphere' })).message).toBe(
      '--set platform=vsphere: kindling writes install-config.yaml for aws, gcp, azure',
    );
  });

  it('one control plane and no workers: a compact three-node cluster, reported', () => {
    const definition = openshiftTarget.generate(K3D_DEFAULT, FULL_SETTINGS);
    expect(installConfig(K3D_DEFAULT)).toMatchObject({ controlPlane: { replicas: 3 }, compute: [{ replicas: 0 }] });
    expect(definition.findings.map((f) => f.code)).toEqual([
      'version-changed',
      'version-unverified',
      'nodes-changed',
      'nodes-changed',
      'cni-changed',
    ]);
  });

  it('commands.sh names the openshift-install release of the mapped Kubernetes minor', () => {
    expect(fileContent(openshiftTarget.generate(KIND_HA, FULL_SETTINGS), 'commands.sh')).toContain(
      '# Use openshift-install 4.21 (OpenShift 4.21 ships Kubernetes 1.34).',
    );
    const older = openshiftTarget.generate({ ...KIND_HA, kubernetesVersion: 'v1.32.3' }, FULL_SETTINGS);
    expect(fileContent(older, 'commands.sh')).toContain('openshift-install 4.19');
  });
});
