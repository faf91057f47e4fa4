import { describe, expect, it } from 'vitest';
import { aksTarget } from '../../../../../src/export/targets/aks/target.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent } from '../expectations.js';
import { FULL_SETTINGS, K3D_AGENTS, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { generatedFor, goldenFiles } from '../golden.js';

// No schema covers the az CLI (and no Azure Service Operator CRD is among the reference schemas), so the
// command is compared with reviewed golden files.
describe('aks', () => {
  it('k3d with three agents, every setting: matches golden/aks/edge-all-settings', () => {
    const definition = aksTarget.generate(K3D_AGENTS, FULL_SETTINGS);
    expect(definition.files.map((f) => f.path)).toEqual(['commands.sh']);
    expect(generatedFor('aks/edge-all-settings', definition.files)).toEqual(goldenFiles('aks/edge-all-settings'));
    expectComplete(definition);
  });

  it('the kind preset without settings: matches golden/aks/kind-no-settings', () => {
    const definition = aksTarget.generate(KIND_DEFAULT, {});
    expect(generatedFor('aks/kind-no-settings', definition.files)).toEqual(goldenFiles('aks/kind-no-settings'));
    expect(definition.placeholders.map((p) => `${p.field} ${p.setKey}`)).toEqual([
      'az group create --name resource-group',
      'az group create --location region',
      'az aks create --resource-group resource-group',
      'az aks create --location region',
      'az aks get-credentials --resource-group resource-group',
    ]);
    expectPlaceholdersListedExactly(definition);
    expect(definition.findings.map((f) => f.code)).toEqual(['nodes-changed', 'cni-changed', 'settings-defaulted']);
  });

  it('quotes values for the shell', () => {
    const content = fileContent(
      aksTarget.generate(KIND_HA, { 'resource-group': "team's rg; rm -rf /", region: 'westeurope' }),
      'commands.sh',
    );
    expect(content).toContain("--resource-group 'team'\\''s rg; rm -rf /'");
  });

  it('DNS at the 10th address of a service range the preset set', () => {
    const content = fileContent(aksTarget.generate({ ...KIND_DEFAULT, serviceSubnet: '10.152.183.0/24' }, FULL_SETTINGS), 'commands.sh');
    expect(content).toContain('--service-cidr 10.152.183.0/24 \\\n    --dns-service-ip 10.152.183.10 \\');
  });
});
