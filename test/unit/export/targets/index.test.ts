import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSettings, clusterDefinition, TARGET_NAMES, TARGETS, type DevClusterFacts } from '../../../../src/export/targets/index.js';
import { ENGINE_NETWORK_DEFAULTS } from '../../../../src/export/targets/dev-cluster.js';
import { expectPlaceholdersListedExactly, lazy, schemaErrors } from './expectations.js';
import { ALL_FACTS, FULL_SETTINGS, KIND_HA } from './fixtures.js';
import { crdValidator, jsonSchemaValidator, SCHEMA_TIMEOUT, schemasAvailable, type Validate } from './upstream-schemas.js';

const facts: fc.Arbitrary<DevClusterFacts> = fc
  .record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
    engine: fc.constantFrom('kind' as const, 'k3d' as const),
    minor: fc.integer({ min: 28, max: 38 }),
    patch: fc.integer({ min: 0, max: 15 }),
    controlPlanes: fc.integer({ min: 1, max: 7 }),
    workers: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ engine, minor, patch, ...rest }) => ({
    ...rest,
    engine,
    kubernetesVersion: `v1.${minor}.${patch}`,
    ...ENGINE_NETWORK_DEFAULTS[engine],
  }));

const settings = fc.subarray(Object.keys(FULL_SETTINGS)).map((keys) => Object.fromEntries(keys.map((k) => [k, FULL_SETTINGS[k]!])));

describe('TARGETS', () => {
  it('has one target per name, under its own name', () => {
    expect(Object.keys(TARGETS)).toEqual([...TARGET_NAMES]);
    for (const name of TARGET_NAMES) expect(TARGETS[name].name).toBe(name);
  });

  it('every key of the shared settings fixture is read by some target', () => {
    expect(() => checkSettings(Object.values(TARGETS), FULL_SETTINGS)).not.toThrow();
  });

  it('clusterDefinition runs the named target', () => {
    expect(clusterDefinition('eks', KIND_HA, FULL_SETTINGS)).toEqual(TARGETS.eks.generate(KIND_HA, FULL_SETTINGS));
  });
});

describe('commands.sh', () => {
  it('parses as a POSIX shell script for every target, with and without settings', () => {
    for (const target of TARGET_NAMES) {
      for (const settings of [FULL_SETTINGS, {}]) {
        for (const dev of ALL_FACTS) {
          const script = clusterDefinition(target, dev, settings).files.find((f) => f.path === 'commands.sh');
          expect(spawnSync('sh', ['-n'], { input: script?.content, encoding: 'utf8' })).toMatchObject({ status: 0, stderr: '' });
        }
      }
    }
  });
});

describe('every target, any dev cluster, any subset of settings', () => {
  it('is deterministic and lists exactly the placeholders it writes, only for settings not given', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TARGET_NAMES), facts, settings, (target, dev, given) => {
        const definition = clusterDefinition(target, dev, given);
        expect(clusterDefinition(target, dev, given)).toEqual(definition);
        expectPlaceholdersListedExactly(definition);
        for (const { setKey } of definition.placeholders) {
          expect(TARGETS[target].settings).toHaveProperty([setKey]);
          expect(given[`${target}.${setKey}`] ?? given[setKey]).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('with every setting given, writes no placeholder', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TARGET_NAMES), facts, (target, dev) => {
        expect(clusterDefinition(target, dev, FULL_SETTINGS).placeholders).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

// The file of each target that an upstream schema covers, and the validator for each of its kinds.
const CAPI = 'cluster-api__cluster.x-k8s.io_clusters.yaml';
const KCC = 'k8s-config-connector__container';
const validators: Array<{ target: (typeof TARGET_NAMES)[number]; path: string; kinds: Record<string, () => Validate> }> = [
  {
    target: 'kops',
    path: 'cluster.yaml',
    kinds: {
      Cluster: lazy(() => crdValidator('kops__kops.k8s.io_clusters.yaml', 'v1alpha2')),
      InstanceGroup: lazy(() => crdValidator('kops__kops.k8s.io_instancegroups.yaml', 'v1alpha2')),
    },
  },
  { target: 'eks', path: 'cluster.yaml', kinds: { ClusterConfig: lazy(() => jsonSchemaValidator('eksctl__schema.json')) } },
  {
    target: 'gke',
    path: 'cluster.yaml',
    kinds: {
      ContainerCluster: lazy(() => crdValidator(`${KCC}clusters.container.cnrm.cloud.google.com.yaml`, 'v1beta1')),
      ContainerNodePool: lazy(() => crdValidator(`${KCC}nodepools.container.cnrm.cloud.google.com.yaml`, 'v1beta1')),
    },
  },
  {
    target: 'openshift',
    path: 'install-config.yaml',
    kinds: { '': lazy(() => crdValidator('openshift-installer__install.openshift.io_installconfigs.yaml', 'v1')) },
  },
  {
    target: 'rancher',
    path: 'cluster.yaml',
    kinds: { Cluster: lazy(() => crdValidator('rancher__provisioning.cattle.io_clusters.yaml', 'v1')) },
  },
  { target: 'tanzu', path: 'cluster.yaml', kinds: { Cluster: lazy(() => crdValidator(CAPI, 'v1beta1')) } },
  { target: 'capi', path: 'cluster.yaml', kinds: { Cluster: lazy(() => crdValidator(CAPI, 'v1beta2')) } },
];

describe.skipIf(!schemasAvailable)('every schema-covered target, any dev cluster, any subset of settings', () => {
  it(
    'validates against its upstream schema',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...validators), facts, settings, ({ target, path, kinds }, dev, given) => {
          expect(schemaErrors(clusterDefinition(target, dev, given), path, (kind) => kinds[kind]!())).toEqual([]);
        }),
        { numRuns: 100 },
      );
    },
    2 * SCHEMA_TIMEOUT,
  );
});
