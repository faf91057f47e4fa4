import { describe, expect, it } from 'vitest';
import { kubeadmTarget } from '../../../../../src/export/targets/kubeadm/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, placeholderSetKeys } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { generatedFor, goldenFiles } from '../golden.js';
import { yamlDocuments } from '../upstream-schemas.js';

// kubeadm publishes no schema (its types are Go structs), so the output is compared with reviewed golden files.
describe('kubeadm', () => {
  it('three control planes and two workers, every setting: matches golden/kubeadm/shop-all-settings', () => {
    const definition = kubeadmTarget.generate(KIND_HA, FULL_SETTINGS);
    expect(definition.files.map((f) => f.path)).toEqual(['cluster.yaml', 'join-worker.yaml', 'join-control-plane.yaml', 'commands.sh']);
    expect(generatedFor('kubeadm/shop-all-settings', definition.files)).toEqual(goldenFiles('kubeadm/shop-all-settings'));
    expectComplete(definition);
  });

  it('the kind preset without settings: matches golden/kubeadm/kind-no-settings', () => {
    const definition = kubeadmTarget.generate(KIND_DEFAULT, {});
    expect(definition.files.map((f) => f.path)).toEqual(['cluster.yaml', 'join-worker.yaml', 'commands.sh']);
    expect(generatedFor('kubeadm/kind-no-settings', definition.files)).toEqual(goldenFiles('kubeadm/kind-no-settings'));
  });

  it('without settings, the join values are placeholders, listed where they are', () => {
    const single = kubeadmTarget.generate(KIND_DEFAULT, {});
    expect(placeholderSetKeys(single)).toEqual(['ca-cert-hash', 'control-plane-host', 'join-token']);
    expect(single.placeholders.map((p) => `${p.file} ${p.field}`)).toEqual([
      'cluster.yaml ClusterConfiguration controlPlaneEndpoint',
      'join-worker.yaml JoinConfiguration discovery.bootstrapToken.apiServerEndpoint',
      'join-worker.yaml JoinConfiguration discovery.bootstrapToken.token',
      'join-worker.yaml JoinConfiguration discovery.bootstrapToken.caCertHashes[0]',
    ]);
    const ha = kubeadmTarget.generate(KIND_HA, {});
    expect(placeholderSetKeys(ha)).toEqual(['ca-cert-hash', 'certificate-key', 'control-plane-host', 'join-token']);
    for (const definition of [single, ha]) expectPlaceholdersListedExactly(definition);
  });

  it('every dev cluster, with and without settings: Init and Cluster configuration in cluster.yaml (what kubeadm init reads), the worker Join in its own file; the dev CIDRs and version', () => {
    for (const facts of ALL_FACTS) {
      for (const settings of [FULL_SETTINGS, {}]) {
        const definition = kubeadmTarget.generate(facts, settings);
        const documents = yamlDocuments(fileContent(definition, 'cluster.yaml')) as Array<Record<string, unknown>>;
        expect(documents.map((d) => `${String(d.apiVersion)} ${String(d.kind)}`)).toEqual([
          'kubeadm.k8s.io/v1beta4 InitConfiguration',
          'kubeadm.k8s.io/v1beta4 ClusterConfiguration',
        ]);
        expect(yamlDocuments(fileContent(definition, 'join-worker.yaml'))).toMatchObject([
          { apiVersion: 'kubeadm.k8s.io/v1beta4', kind: 'JoinConfiguration' },
        ]);
        expect(documents[1]).toMatchObject({
          kubernetesVersion: facts.kubernetesVersion,
          networking: { podSubnet: facts.podSubnet, serviceSubnet: facts.serviceSubnet },
        });
      }
    }
  });

  it('a dev version newer than upstream maintains steps down to the latest 1.36 patch, with a warning', () => {
    const definition = kubeadmTarget.generate({ ...KIND_DEFAULT, kubernetesVersion: 'v1.37.0' }, {});
    expect(yamlDocuments(fileContent(definition, 'cluster.yaml'))[1]).toMatchObject({ kubernetesVersion: 'v1.36.3' });
    expect(definition.findings.map((f) => `${f.severity} ${f.code}`)).toEqual(['warning version-changed', 'info cni-changed']);
  });

  it('two control planes: a warning about etcd quorum', () => {
    const codes = kubeadmTarget.generate({ ...KIND_HA, controlPlanes: 2 }, FULL_SETTINGS).findings.map((f) => f.code);
    expect(codes).toContain('etcd-quorum');
  });
});
