import { describe, expect, it } from 'vitest';
import { kopsTarget } from '../../../../../src/export/targets/kops/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, lazy, placeholderSetKeys, schemaErrors } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, K3D_AGENTS, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { crdValidator, SCHEMA_TIMEOUT, schemasAvailable, yamlDocuments } from '../upstream-schemas.js';

const validators = {
  Cluster: lazy(() => crdValidator('kops__kops.k8s.io_clusters.yaml', 'v1alpha2')),
  InstanceGroup: lazy(() => crdValidator('kops__kops.k8s.io_instancegroups.yaml', 'v1alpha2')),
};
const validatorFor = (kind: string) => validators[kind as keyof typeof validators]();

type Doc = { kind: string; metadata: { name: string; labels?: Record<string, string> }; spec: Record<string, unknown> };
const documents = (facts = KIND_HA, settings = FULL_SETTINGS) =>
  yamlDocuments(fileContent(kopsTarget.generate(facts, settings), 'cluster.yaml')) as Doc[];

describe.skipIf(!schemasAvailable)('kops: cluster.yaml against the kops v1alpha2 CRDs (v1.36.2)', () => {
  it.each(ALL_FACTS)(
    '$name, with and without settings',
    (facts) => {
      for (const settings of [FULL_SETTINGS, {}]) {
        expect(schemaErrors(kopsTarget.generate(facts, settings), 'cluster.yaml', validatorFor)).toEqual([]);
      }
    },
    SCHEMA_TIMEOUT,
  );
});

describe('kops', () => {
  it('with every setting: complete, a DNS name under the base domain', () => {
    for (const facts of ALL_FACTS) expectComplete(kopsTarget.generate(facts, FULL_SETTINGS));
    expect(documents()[0]?.metadata.name).toBe('shop.shop.example.com');
    expect(documents()[0]?.spec).toMatchObject({
      api: { dns: {} },
      dnsZone: 'shop.example.com',
      configBase: 's3://shop-kops-state/shop.shop.example.com',
    });
  });

  it('without settings: cloud, zone and state store are placeholders; the name is a gossip name', () => {
    const definition = kopsTarget.generate(KIND_DEFAULT, {});
    expect(placeholderSetKeys(definition)).toEqual(['cloud', 'state-store', 'zone']);
    expectPlaceholdersListedExactly(definition);
    expect(definition.placeholders.filter((p) => p.file === 'commands.sh')).toEqual([
      {
        field: 'export KOPS_STATE_STORE',
        file: 'commands.sh',
        setKey: 'state-store',
        why: 'the kops state store, e.g. s3://my-kops-state (the bucket must exist before kops create)',
      },
    ]);
    const [cluster] = documents(KIND_DEFAULT, {});
    expect(cluster?.metadata.name).toBe('kind.k8s.local');
    expect(cluster?.spec).toMatchObject({ api: { loadBalancer: { type: 'Public' } }, configBase: 'replace-me-state-store/kind.k8s.local' });
  });

  it('one control-plane group per control plane, etcd members on them, one nodes group', () => {
    const groups = documents().slice(1);
    expect(
      groups.map(
        (g) =>
          `${g.metadata.name} ${String(g.spec.role)} ${String(g.spec.minSize)}-${String(g.spec.maxSize)} ${String(g.spec.machineType)}`,
      ),
    ).toEqual([
      'control-plane-1 Master 1-1 m6i.xlarge',
      'control-plane-2 Master 1-1 m6i.xlarge',
      'control-plane-3 Master 1-1 m6i.xlarge',
      'nodes Node 2-2 m6i.large',
    ]);
    for (const g of groups) expect(g.metadata.labels).toEqual({ 'kops.k8s.io/cluster': 'shop.shop.example.com' });
    const etcd = documents()[0]?.spec.etcdClusters as Array<{ name: string; etcdMembers: Array<{ instanceGroup: string }> }>;
    expect(etcd.map((c) => `${c.name}: ${c.etcdMembers.map((m) => m.instanceGroup).join(',')}`)).toEqual([
      'main: control-plane-1,control-plane-2,control-plane-3',
      'events: control-plane-1,control-plane-2,control-plane-3',
    ]);
  });

  it('the KOPS_STATE_STORE the configBase points into', () => {
    const content = fileContent(kopsTarget.generate(KIND_HA, FULL_SETTINGS), 'commands.sh');
    expect(content).toContain('\nexport KOPS_STATE_STORE=s3://shop-kops-state\n');
    expect(content).toContain('\nkops create -f cluster.yaml\n');
  });

  it('flannel carries over; kindnetd becomes cilium with a finding', () => {
    expect(documents(K3D_AGENTS)[0]?.spec.networking).toEqual({ flannel: { backend: 'vxlan' } });
    expect(documents(KIND_HA)[0]?.spec.networking).toEqual({ cilium: {} });
    expect(kopsTarget.generate(KIND_HA, FULL_SETTINGS).findings.map((f) => f.code)).toEqual(['cni-changed', 'network-changed']);
  });

  it('no dev workers: as many nodes as control planes ran the workloads', () => {
    const nodes = documents(KIND_DEFAULT).at(-1);
    expect(nodes?.spec).toMatchObject({ minSize: 1, maxSize: 1, role: 'Node' });
  });

  it('a dev version older than kops supports: 1.31, with a warning', () => {
    const definition = kopsTarget.generate({ ...KIND_DEFAULT, kubernetesVersion: 'v1.29.4' }, FULL_SETTINGS);
    expect(documents({ ...KIND_DEFAULT, kubernetesVersion: 'v1.29.4' })[0]?.spec.kubernetesVersion).toBe('v1.31.0');
    expect(definition.findings[0]).toMatchObject({ severity: 'warning', code: 'version-changed' });
  });
});
