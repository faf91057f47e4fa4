import { describe, expect, it } from 'vitest';
import { crdValidator, jsonSchemaValidator, SCHEMA_TIMEOUT, schemasAvailable } from './upstream-schemas.js';

// The validators must enforce the schemas, not just compile them: each rejects a document it must reject.
describe.skipIf(!schemasAvailable)('upstream schema validators', { timeout: SCHEMA_TIMEOUT }, () => {
  it('eksctl: unknown fields and a missing region', () => {
    const validate = jsonSchemaValidator('eksctl__schema.json');
    const errors = validate({ apiVersion: 'eksctl.io/v1alpha5', kind: 'ClusterConfig', metadata: { name: 'x' }, nodes: 3 });
    expect(errors.map((e) => e.message)).toEqual(
      expect.arrayContaining(["must have required property 'region'", 'must NOT have additional properties']),
    );
  });

  it('kops: a string where an integer belongs', () => {
    const errors = crdValidator('kops__kops.k8s.io_instancegroups.yaml', 'v1alpha2')({ spec: { minSize: 'two' } });
    expect(errors.map((e) => `${e.instancePath} ${e.message}`)).toEqual(['/spec/minSize must be integer']);
  });

  it('Config Connector: a node pool without clusterRef', () => {
    const errors = crdValidator(
      'k8s-config-connector__containernodepools.container.cnrm.cloud.google.com.yaml',
      'v1beta1',
    )({ spec: { location: 'z' } });
    expect(errors.map((e) => e.message)).toEqual(["must have required property 'clusterRef'"]);
  });

  it('OpenShift: an install-config without pullSecret', () => {
    const errors = crdValidator(
      'openshift-installer__install.openshift.io_installconfigs.yaml',
      'v1',
    )({ baseDomain: 'a', metadata: {}, platform: {} });
    expect(errors.map((e) => e.message)).toEqual(["must have required property 'pullSecret'"]);
  });

  it('Rancher: a machine pool without machineConfigRef', () => {
    const errors = crdValidator(
      'rancher__provisioning.cattle.io_clusters.yaml',
      'v1',
    )({ spec: { rkeConfig: { machinePools: [{ name: 'a' }] } } });
    expect(errors.map((e) => e.message)).toEqual(["must have required property 'machineConfigRef'"]);
  });

  it('Cluster API: v1beta2 wants classRef, v1beta1 class, and both a lower-case name pattern where they have one', () => {
    const topology = { version: 'v1.36.1', class: 'x' };
    // v1beta2 has no `class` any more: an unknown field, which the API server would drop, is an error too.
    expect(crdValidator('cluster-api__cluster.x-k8s.io_clusters.yaml', 'v1beta2')({ spec: { topology } }).map((e) => e.message)).toEqual([
      "must have required property 'classRef'",
      'must NOT have additional properties',
    ]);
    expect(crdValidator('cluster-api__cluster.x-k8s.io_clusters.yaml', 'v1beta1')({ spec: { topology } })).toEqual([]);
    const upper = { version: 'v1.36.1', classRef: { name: 'REPLACE_ME' } };
    expect(crdValidator('cluster-api__cluster.x-k8s.io_clusters.yaml', 'v1beta2')({ spec: { topology: upper } })).not.toEqual([]);
  });

  it('refuses a version the CRD does not serve', () => {
    expect(() => crdValidator('kops__kops.k8s.io_clusters.yaml', 'v1alpha3')).toThrow('serves no version v1alpha3');
  });
});
