import { describe, expect, it } from 'vitest';
import { rancherTarget } from '../../../../../src/export/targets/rancher/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, lazy, placeholderSetKeys, schemaErrors } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, K3D_AGENTS, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { crdValidator, SCHEMA_TIMEOUT, schemasAvailable, yamlDocuments } from '../upstream-schemas.js';

const validate = lazy(() => crdValidator('rancher__provisioning.cattle.io_clusters.yaml', 'v1'));
type RancherCluster = {
  metadata: Record<string, string>;
  spec: { kubernetesVersion: string; rkeConfig: { machineGlobalConfig: unknown; machinePools: Array<Record<string, unknown>> } };
};
const cluster = (facts = KIND_HA, settings: Record<string, string> = FULL_SETTINGS) =>
  yamlDocuments(fileContent(rancherTarget.generate(facts, settings), 'cluster.yaml'))[0] as RancherCluster;

describe.skipIf(!schemasAvailable)('rancher: cluster.yaml against the provisioning.cattle.io CRD (v2.15.0)', () => {
  it.each(ALL_FACTS)(
    '$name, with and without settings',
    (facts) => {
      for (const settings of [FULL_SETTINGS, {}]) {
        expect(schemaErrors(rancherTarget.generate(facts, settings), 'cluster.yaml', validate)).toEqual([]);
      }
    },
    SCHEMA_TIMEOUT,
  );
});

describe('rancher', () => {
  it('with every setting: complete', () => {
    for (const facts of ALL_FACTS) expectComplete(rancherTarget.generate(facts, FULL_SETTINGS));
  });

  it('an RKE2 release of the mapped minor, in fleet-default, with the dev CIDRs', () => {
    const c = cluster();
    expect(c.metadata).toEqual({ name: 'shop', namespace: 'fleet-default' });
    expect(c.spec.kubernetesVersion).toBe('v1.35.7+rke2r1');
    expect(c.spec.rkeConfig.machineGlobalConfig).toEqual({
      cni: 'calico',
      'cluster-cidr': '10.244.0.0/16',
      'service-cidr': '10.96.0.0/16',
    });
    expect(cluster(K3D_AGENTS).spec.rkeConfig.machineGlobalConfig).toMatchObject({ cni: 'flannel' });
  });

  it('a control-plane pool and a worker pool, each on its machine config', () => {
    expect(cluster().spec.rkeConfig.machinePools).toEqual([
      {
        name: 'control-plane',
        quantity: 3,
        controlPlaneRole: true,
        etcdRole: true,
        workerRole: false,
        machineConfigRef: { apiVersion: 'rke-machine-config.cattle.io/v1', kind: 'Amazonec2Config', name: 'shop-control-plane' },
      },
      {
        name: 'workers',
        quantity: 2,
        workerRole: true,
        machineConfigRef: { apiVersion: 'rke-machine-config.cattle.io/v1', kind: 'Amazonec2Config', name: 'shop-workers' },
      },
    ]);
  });

  it('no dev workers: one pool with every role', () => {
    const pools = cluster(KIND_DEFAULT).spec.rkeConfig.machinePools;
    expect(pools.map((p) => [p.name, p.quantity, p.controlPlaneRole, p.etcdRole, p.workerRole])).toEqual([
      ['control-plane', 1, true, true, true],
    ]);
  });

  it('without settings: credential and machine configs are placeholders', () => {
    const definition = rancherTarget.generate(KIND_DEFAULT, {});
    expect(placeholderSetKeys(definition)).toEqual(['cloud-credential', 'control-plane-machine-config', 'machine-config-kind']);
    expect(placeholderSetKeys(rancherTarget.generate(KIND_HA, {}))).toEqual([
      'cloud-credential',
      'control-plane-machine-config',
      'machine-config',
      'machine-config-kind',
    ]);
    expectPlaceholdersListedExactly(definition);
  });

  it('reports the version step down and that the Rancher matrix is unverified', () => {
    expect(rancherTarget.generate(KIND_HA, FULL_SETTINGS).findings.map((f) => f.code)).toEqual([
      'version-changed',
      'version-unverified',
      'cni-changed',
    ]);
  });
});
