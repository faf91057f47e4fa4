import { describe, expect, it } from 'vitest';
import { gkeTarget } from '../../../../../src/export/targets/gke/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, lazy, placeholderSetKeys, schemaErrors } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { generatedFor, goldenFiles } from '../golden.js';
import { crdValidator, SCHEMA_TIMEOUT, schemasAvailable, yamlDocuments } from '../upstream-schemas.js';

const validators = {
  ContainerCluster: lazy(() => crdValidator('k8s-config-connector__containerclusters.container.cnrm.cloud.google.com.yaml', 'v1beta1')),
  ContainerNodePool: lazy(() => crdValidator('k8s-config-connector__containernodepools.container.cnrm.cloud.google.com.yaml', 'v1beta1')),
};
const validatorFor = (kind: string) => validators[kind as keyof typeof validators]();

describe.skipIf(!schemasAvailable)('gke: cluster.yaml against the Config Connector v1beta1 CRDs (v1.155.1)', () => {
  it.each(ALL_FACTS)(
    '$name, with and without settings',
    (facts) => {
      for (const settings of [FULL_SETTINGS, {}]) {
        expect(schemaErrors(gkeTarget.generate(facts, settings), 'cluster.yaml', validatorFor)).toEqual([]);
      }
    },
    SCHEMA_TIMEOUT,
  );
});

describe('gke', () => {
  it('with every setting: complete; the gcloud command matches golden/gke/shop-all-settings', () => {
    const definition = gkeTarget.generate(KIND_HA, FULL_SETTINGS);
    expect(definition.files.map((f) => f.path)).toEqual(['cluster.yaml', 'commands.sh']);
    expect(generatedFor('gke/shop-all-settings', definition.files)).toEqual(goldenFiles('gke/shop-all-settings'));
    for (const facts of ALL_FACTS) expectComplete(gkeTarget.generate(facts, FULL_SETTINGS));
  });

  it('a zonal cluster without its bootstrap pool, VPC-native on the dev CIDRs, and a node pool of the workers', () => {
    const [cluster, pool] = yamlDocuments(fileContent(gkeTarget.generate(KIND_HA, FULL_SETTINGS), 'cluster.yaml'));
    expect(cluster).toEqual({
      apiVersion: 'container.cnrm.cloud.google.com/v1beta1',
      kind: 'ContainerCluster',
      metadata: {
        annotations: { 'cnrm.cloud.google.com/project-id': 'shop-prod', 'cnrm.cloud.google.com/remove-default-node-pool': 'true' },
        name: 'shop',
      },
      spec: {
        location: 'europe-west1-b',
        initialNodeCount: 1,
        minMasterVersion: '1.36',
        networkingMode: 'VPC_NATIVE',
        ipAllocationPolicy: { clusterIpv4CidrBlock: '10.244.0.0/16', servicesIpv4CidrBlock: '10.96.0.0/16' },
      },
    });
    expect(pool).toEqual({
      apiVersion: 'container.cnrm.cloud.google.com/v1beta1',
      kind: 'ContainerNodePool',
      metadata: { annotations: { 'cnrm.cloud.google.com/project-id': 'shop-prod' }, name: 'shop-workers' },
      spec: { location: 'europe-west1-b', clusterRef: { name: 'shop' }, nodeCount: 2, nodeConfig: { machineType: 'e2-standard-4' } },
    });
  });

  it('without settings: project and zone are placeholders in both files', () => {
    const definition = gkeTarget.generate(KIND_DEFAULT, {});
    expect(placeholderSetKeys(definition)).toEqual(['project', 'zone']);
    expect(definition.placeholders.map((p) => `${p.file} ${p.field}`)).toEqual([
      'cluster.yaml ContainerCluster/kind metadata.annotations["cnrm.cloud.google.com/project-id"]',
      'cluster.yaml ContainerCluster/kind spec.location',
      'cluster.yaml ContainerNodePool/kind-workers metadata.annotations["cnrm.cloud.google.com/project-id"]',
      'cluster.yaml ContainerNodePool/kind-workers spec.location',
      'commands.sh gcloud container clusters create kind --project',
      'commands.sh gcloud container clusters create kind --zone',
    ]);
    expectPlaceholdersListedExactly(definition);
  });
});
