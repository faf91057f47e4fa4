import { describe, expect, it } from 'vitest';
import { tanzuTarget } from '../../../../../src/export/targets/tanzu/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, lazy, placeholderSetKeys, schemaErrors } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { crdValidator, SCHEMA_TIMEOUT, schemasAvailable, yamlDocuments } from '../upstream-schemas.js';

// vSphere Supervisors serve cluster.x-k8s.io/v1beta1, which Cluster API v1.14 still serves (deprecated).
const validate = lazy(() => crdValidator('cluster-api__cluster.x-k8s.io_clusters.yaml', 'v1beta1'));
const cluster = (facts = KIND_HA, settings: Record<string, string> = FULL_SETTINGS) =>
  yamlDocuments(fileContent(tanzuTarget.generate(facts, settings), 'cluster.yaml'))[0] as Record<string, unknown>;

describe.skipIf(!schemasAvailable)('tanzu: cluster.yaml against the Cluster API CRD, v1beta1 (v1.14.0)', () => {
  it.each(ALL_FACTS)(
    '$name, with and without settings',
    (facts) => {
      for (const settings of [FULL_SETTINGS, {}]) {
        expect(schemaErrors(tanzuTarget.generate(facts, settings), 'cluster.yaml', validate)).toEqual([]);
      }
    },
    SCHEMA_TIMEOUT,
  );
});

describe('tanzu', () => {
  it('with every setting: complete', () => {
    for (const facts of ALL_FACTS) expectComplete(tanzuTarget.generate(facts, FULL_SETTINGS));
  });

  it('a Cluster on the ClusterClass with the vmClass and storageClass variables', () => {
    expect(cluster()).toEqual({
      apiVersion: 'cluster.x-k8s.io/v1beta1',
      kind: 'Cluster',
      metadata: { name: 'shop', namespace: 'shop-vsphere-ns' },
      spec: {
        clusterNetwork: {
          pods: { cidrBlocks: ['10.244.0.0/16'] },
          services: { cidrBlocks: ['10.96.0.0/16'] },
          serviceDomain: 'cluster.local',
        },
        topology: {
          class: 'tanzukubernetescluster',
          classNamespace: 'vmware-system-vks-public',
          version: 'v1.33.6+vmware.1-fips',
          controlPlane: { replicas: 3 },
          workers: { machineDeployments: [{ class: 'node-pool', name: 'node-pool-1', replicas: 2 }] },
          variables: [
            { name: 'vmClass', value: 'best-effort-small' },
            { name: 'storageClass', value: 'vsan-default-storage-policy' },
          ],
        },
      },
    });
  });

  it('without settings: namespace, release and classes are placeholders; the default ClusterClass is used', () => {
    const definition = tanzuTarget.generate(KIND_DEFAULT, {});
    expect(placeholderSetKeys(definition)).toEqual(['namespace', 'storage-class', 'tkr', 'vm-class']);
    expectPlaceholdersListedExactly(definition);
    expect(cluster(KIND_DEFAULT, {})).toMatchObject({ spec: { topology: { class: 'tanzukubernetescluster', version: 'replace-me-tkr' } } });
  });

  it('control planes: 1 stays 1, anything else becomes 3', () => {
    const replicas = (controlPlanes: number) =>
      (cluster({ ...KIND_HA, controlPlanes }) as { spec: { topology: { controlPlane: { replicas: number } } } }).spec.topology.controlPlane
        .replicas;
    expect([1, 2, 3, 5].map(replicas)).toEqual([1, 3, 3, 3]);
    expect(tanzuTarget.generate({ ...KIND_HA, controlPlanes: 2 }, FULL_SETTINGS).findings.map((f) => f.code)).toContain('nodes-changed');
  });
});
