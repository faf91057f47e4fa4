import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../../src/errors.js';
import { mkeTarget } from '../../../../../src/export/targets/mke/target.js';
import { thrown } from '../../../../support/unit/thrown.js';
import { expectComplete, expectPlaceholdersListedExactly, fileContent, placeholderSetKeys } from '../expectations.js';
import { ALL_FACTS, FULL_SETTINGS, K3D_DEFAULT, KIND_DEFAULT, KIND_HA } from '../fixtures.js';
import { yamlDocuments } from '../upstream-schemas.js';

// The schemas kindling wrote from Mirantis' sources (each cites its files), in the test fixtures.
const fixtures = resolve(import.meta.dirname, '../../../../fixtures/schemas');
const ajv = new Ajv({ strict: false, allErrors: true });
const schema = (file: string) => ajv.compile(JSON.parse(readFileSync(join(fixtures, file), 'utf8')));
const launchpad = schema('mke3-launchpad.schema.json');
const mke4 = schema('mke4-mkeconfig.schema.json');

function errors(settings: Record<string, string>, facts = KIND_HA): string[] {
  const definition = mkeTarget.generate(facts, settings);
  const out: string[] = [];
  for (const [path, validate] of [
    ['launchpad.yaml', launchpad],
    ['mke4.yaml', mke4],
  ] as const) {
    for (const doc of yamlDocuments(fileContent(definition, path))) {
      if (!validate(doc)) out.push(...(validate.errors ?? []).map((e) => `${path} ${e.instancePath} ${e.message}`));
    }
  }
  return out;
}

describe('mke: launchpad.yaml (MKE 3) and mke4.yaml (MKE 4) against their schemas', () => {
  it.each(ALL_FACTS)('$name, with every setting and with none', (facts) => {
    expect(errors(FULL_SETTINGS, facts)).toEqual([]);
    expect(errors({}, facts)).toEqual([]);
    expect(
      errors(
        { hosts: Array.from({ length: facts.controlPlanes + Math.max(facts.workers, 1) }, (_, i) => `10.0.0.${i + 1}`).join(',') },
        facts,
      ),
    ).toEqual([]);
  });
});

describe('mke', () => {
  it('hosts: managers for the control planes, then workers (at least one), each over SSH', () => {
    const doc = yamlDocuments(fileContent(mkeTarget.generate(KIND_HA, FULL_SETTINGS), 'launchpad.yaml'))[0] as {
      spec: { hosts: Array<{ role: string; ssh: { address: string; user: string } }>; mke: { installFlags: string[] } };
    };
    expect(doc.spec.hosts.map((h) => `${h.role} ${h.ssh.address}`)).toEqual([
      'manager node-1.shop.example.com',
      'manager node-2.shop.example.com',
      'manager node-3.shop.example.com',
      'worker node-4.shop.example.com',
      'worker node-5.shop.example.com',
    ]);
    expect(doc.spec.mke.installFlags).toContain(`--pod-cidr=${KIND_HA.podSubnet}`);
    const four = yamlDocuments(fileContent(mkeTarget.generate(KIND_DEFAULT, FULL_SETTINGS), 'mke4.yaml'))[0] as {
      spec: { hosts: Array<{ role: string }> };
    };
    expect(four.spec.hosts.map((h) => h.role)).toEqual(['controller+worker', 'worker']);
    expectComplete(mkeTarget.generate(K3D_DEFAULT, FULL_SETTINGS));
  });

  it('without settings: the hosts and key are placeholders, listed; the releases are examples to review', () => {
    const bare = mkeTarget.generate(KIND_DEFAULT, {});
    expect(placeholderSetKeys(bare)).toEqual(['hosts', 'ssh-key-path']);
    expectPlaceholdersListedExactly(bare);
    expect(bare.findings.filter((f) => f.code === 'choice-to-review').map((f) => f.message)).toEqual([
      "mke: the files name MKE 3.8.8 (--set mke-version) and MKE v4.1.3 (--set mke4-version), releases from Mirantis' examples: check they are current",
    ]);
  });

  it('a list of addresses must have one per host', () => {
    expect(thrown(InvalidInputError, () => mkeTarget.generate(KIND_HA, { hosts: '10.0.0.1,10.0.0.2' })).message).toBe(
      '--set hosts: MKE needs 5 addresses (3 managers, then 2 workers), got 2',
    );
  });
});
