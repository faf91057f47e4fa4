import { describe, expect, it } from 'vitest';
import { capiTarget } from '../../../../../src/export/targets/capi/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, lazy, placeholderSetKeys, schemaErrors } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, K3D_AGENTS, KIND_DEFAULT } from '../fixtures.js';
import { crdValidator, SCHEMA_TIMEOUT, schemasAvailable, yamlDocuments } from '../upstream-schemas.js';

const validate = lazy(() => crdValidator('cluster-api__cluster.x-k8s.io_clusters.yaml', 'v1beta2'));
const cluster = (facts = K3D_AGENTS, settings: Record<string, string> = FULL_SETTINGS) =>
  yamlDocuments(fileContent(capiTarget.generate(facts, settings), 'cluster.yaml'))[0] as Record<string, unknown>;

describe.skipIf(!schemasAvailable)('capi: cluster.yaml against the Cluster API CRD, v1beta2 (v1.14.0)', () => {
  it.each(ALL_FACTS)(
    '$name, with and without settings',
    (facts) => {
      for (const settings of [FULL_SETTINGS, {}]) {
        expect(schemaErrors(capiTarget.generate(facts, settings), 'cluster.yaml', validate)).toEqual([]);
      }
    },
    SCHEMA_TIMEOUT,
  );
});

describe('capi', () => {
  it('with every setting: complete', () => {
    for (const facts of ALL_FACTS) expectComplete(capiTarget.generate(facts, FULL_SETTINGS));
  });

  it('a v1beta2 Cluster with classRef, the dev version, CIDRs and node counts', () => {
    expect(cluster()).toEqual({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'edge', namespace: 'shop' },
      spec: {
        clusterNetwork: {
          pods: { cidrBlocks: ['10.42.0.0/16'] },
          services: { cidrBlocks: ['10.43.0.0/16'] },
          serviceDomain: 'cluster.local',
        },
        topology: {
          classRef: { name: 'quick-start', namespace: 'capi-classes' },
          version: 'v1.35.5',
          controlPlane: { replicas: 1 },
          workers: { machineDeployments: [{ class: 'default-worker', name: 'md-0', replicas: 3 }] },
        },
      },
    });
    expect(fileContent(capiTarget.generate(K3D_AGENTS, FULL_SETTINGS), 'commands.sh')).toContain(
      '\nclusterctl describe cluster edge --namespace shop\n',
    );
  });

  it('without settings: the ClusterClass and its worker class are placeholders; namespaces default', () => {
    const definition = capiTarget.generate(KIND_DEFAULT, {});
    expect(placeholderSetKeys(definition)).toEqual(['cluster-class', 'worker-class']);
    expectPlaceholdersListedExactly(definition);
    expect(cluster(KIND_DEFAULT, {})).toMatchObject({
      metadata: { name: 'kind' },
      spec: { topology: { classRef: { name: 'replace-me-cluster-class' } } },
    });
    expect(definition.findings.map((f) => f.code)).toEqual(['nodes-changed', 'cni-changed', 'settings-defaulted']);
  });
});
