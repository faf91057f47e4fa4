import { describe, expect, it } from 'vitest';
import { eksTarget } from '../../../../../src/export/targets/eks/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, lazy, schemaErrors } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, K3D_AGENTS, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { jsonSchemaValidator, SCHEMA_TIMEOUT, schemasAvailable, yamlDocuments } from '../upstream-schemas.js';

const validate = lazy(() => jsonSchemaValidator('eksctl__schema.json'));

describe.skipIf(!schemasAvailable)('eks: cluster.yaml against eksctl schema.json (v0.230.0)', () => {
  it.each(ALL_FACTS)(
    '$name, with and without settings',
    (facts) => {
      for (const settings of [FULL_SETTINGS, {}]) {
        expect(schemaErrors(eksTarget.generate(facts, settings), 'cluster.yaml', validate)).toEqual([]);
      }
    },
    SCHEMA_TIMEOUT,
  );
});

describe('eks', () => {
  it('with every setting: complete', () => {
    for (const facts of ALL_FACTS) expectComplete(eksTarget.generate(facts, FULL_SETTINGS));
  });

  it('without settings: only the region is a placeholder', () => {
    const definition = eksTarget.generate(KIND_HA, {});
    expect(definition.placeholders).toEqual([
      { field: 'ClusterConfig/shop metadata.region', file: 'cluster.yaml', setKey: 'region', why: 'the AWS region, e.g. eu-west-1' },
    ]);
    expectPlaceholdersListedExactly(definition);
  });

  it('a ClusterConfig with one managed node group of the dev workers, the service CIDR and the mapped version', () => {
    const [config] = yamlDocuments(fileContent(eksTarget.generate(K3D_AGENTS, FULL_SETTINGS), 'cluster.yaml'));
    expect(config).toEqual({
      apiVersion: 'eksctl.io/v1alpha5',
      kind: 'ClusterConfig',
      metadata: { name: 'edge', region: 'eu-west-1', version: '1.35' },
      kubernetesNetworkConfig: { serviceIPv4CIDR: '10.43.0.0/16' },
      managedNodeGroups: [{ name: 'workers', instanceType: 'm6i.large', desiredCapacity: 3, minSize: 3, maxSize: 3 }],
    });
  });

  it('kind v1.36.1 on one control plane: version 1.35 and one worker, both reported', () => {
    const definition = eksTarget.generate(KIND_DEFAULT, { region: 'eu-west-1' });
    const [config] = yamlDocuments(fileContent(definition, 'cluster.yaml')) as Array<{
      metadata: { version: string };
      managedNodeGroups: Array<{ desiredCapacity: number }>;
    }>;
    expect(config?.metadata.version).toBe('1.35');
    expect(config?.managedNodeGroups[0]?.desiredCapacity).toBe(1);
    expect(definition.findings.map((f) => f.code)).toEqual([
      'version-changed',
      'version-unverified',
      'nodes-changed',
      'cni-changed',
      'settings-defaulted',
    ]);
  });

  it('commands.sh runs eksctl on the file', () => {
    expect(fileContent(eksTarget.generate(KIND_HA, {}), 'commands.sh')).toContain('\neksctl create cluster -f cluster.yaml\n');
  });
});
