import { describe, expect, it } from 'vitest';
import { rke2Target } from '../../../../../src/export/targets/rke2/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, placeholderSetKeys } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, K3D_AGENTS, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { generatedFor, goldenFiles } from '../golden.js';
import { yamlDocuments } from '../upstream-schemas.js';

// RKE2's config.yaml has no published schema, so the output is compared with reviewed golden files.
describe('rke2', () => {
  it('k3d with three agents, every setting: matches golden/rke2/edge-all-settings', () => {
    const definition = rke2Target.generate(K3D_AGENTS, FULL_SETTINGS);
    expect(definition.files.map((f) => f.path)).toEqual(['config.yaml', 'agent-config.yaml', 'commands.sh']);
    expect(generatedFor('rke2/edge-all-settings', definition.files)).toEqual(goldenFiles('rke2/edge-all-settings'));
    expectComplete(definition);
    expect(definition.findings).toEqual([]);
  });

  it('kind with three servers, no settings: matches golden/rke2/shop-no-settings', () => {
    const definition = rke2Target.generate(KIND_HA, {});
    expect(definition.files.map((f) => f.path)).toEqual(['config.yaml', 'join-server-config.yaml', 'agent-config.yaml', 'commands.sh']);
    expect(generatedFor('rke2/shop-no-settings', definition.files)).toEqual(goldenFiles('rke2/shop-no-settings'));
    expect(definition.findings).toEqual([{ severity: 'info', code: 'cni-changed', message: 'rke2: RKE2 has no kindnetd; using canal' }]);
  });

  it('placeholders only where nodes register, never in the first server config', () => {
    const definition = rke2Target.generate(KIND_HA, {});
    expect(placeholderSetKeys(definition)).toEqual(['control-plane-host', 'join-token']);
    expect(definition.placeholders.map((p) => `${p.file} ${p.field}`)).toEqual([
      'join-server-config.yaml server',
      'join-server-config.yaml token',
      'agent-config.yaml server',
      'agent-config.yaml token',
    ]);
    expectPlaceholdersListedExactly(definition);
  });

  it('every dev cluster: the dev CIDRs on every server, flannel kept, kindnetd replaced by canal', () => {
    for (const facts of ALL_FACTS) {
      const [config] = yamlDocuments(fileContent(rke2Target.generate(facts, {}), 'config.yaml'));
      expect(config).toEqual({
        cni: facts.cni === 'flannel' ? 'flannel' : 'canal',
        'cluster-cidr': facts.podSubnet,
        'service-cidr': facts.serviceSubnet,
      });
    }
  });

  it('a dev version newer than RKE2 maintains installs the latest v1.36 release', () => {
    const definition = rke2Target.generate({ ...KIND_DEFAULT, kubernetesVersion: 'v1.38.0' }, {});
    expect(fileContent(definition, 'commands.sh')).toContain('INSTALL_RKE2_VERSION=v1.36.3+rke2r1');
    expect(definition.findings[0]?.code).toBe('version-changed');
  });
});
