import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { TARGETS } from '../../../../src/export/targets/index.js';
import { checkSettings, placeholderFor, placeholderKeys, settingsReader } from '../../../../src/export/targets/settings.js';
import { thrown } from '../../../support/unit/thrown.js';

const DOCS = { region: 'the region', 'machine-type': 'the size; the default is small' };

describe('settingsReader', () => {
  it('gives the value, `<target>.<key>` first', () => {
    const read = settingsReader('eks', DOCS, { region: 'eu-west-1', 'eks.region': 'us-east-2', 'gke.region': 'europe-west1' });
    expect(read.required('region')).toBe('us-east-2');
    expect(settingsReader('aks', DOCS, { region: 'eu-west-1', 'eks.region': 'us-east-2' }).required('region')).toBe('eu-west-1');
  });

  it('a missing required setting becomes its placeholder', () => {
    expect(settingsReader('eks', DOCS, {}).required('region')).toBe('replace-me-region');
  });

  it('a missing optional setting is undefined and named once in a settings-defaulted finding', () => {
    const read = settingsReader('eks', DOCS, {});
    expect(read.optional('machine-type')).toBeUndefined();
    read.optional('machine-type');
    expect(read.given('region')).toBeUndefined();
    expect(read.defaultedFindings()).toEqual([
      {
        severity: 'info',
        code: 'settings-defaulted',
        message: "eks: not set, so the target's defaults apply: machine-type (the size; the default is small)",
      },
    ]);
  });

  it('no finding when every optional setting was given', () => {
    const read = settingsReader('eks', DOCS, { 'machine-type': 'm5.large' });
    expect(read.optional('machine-type')).toBe('m5.large');
    expect(read.defaultedFindings()).toEqual([]);
  });

  it('reading an undocumented key is a bug', () => {
    expect(() => settingsReader('eks', DOCS, {}).required('zone')).toThrow('eks reads the undocumented setting "zone"');
  });
});

describe('placeholders', () => {
  it('are lower-case and dashed so that they pass DNS-name patterns', () => {
    expect(placeholderFor('control-plane-host')).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });

  it('are found in text, one per occurrence', () => {
    expect(placeholderKeys('https://replace-me-control-plane-host:9345 replace-me-state-store/x.k8s.local replace-me-<key>')).toEqual([
      'control-plane-host',
      'state-store',
    ]);
  });
});

describe('checkSettings', () => {
  const eksAndGke = [TARGETS.eks, TARGETS.gke];

  it('accepts keys one of the targets reads, bare or prefixed', () => {
    expect(() => checkSettings(eksAndGke, { region: 'eu-west-1', 'gke.zone': 'europe-west1-b', project: 'p' })).not.toThrow();
  });

  it('names every unknown key, unknown target prefix and empty value', () => {
    const error = thrown(InvalidInputError, () =>
      checkSettings(eksAndGke, { regoin: 'x', 'aks.region': 'westeurope', 'eks.zone': 'a', project: ' ', zone: 'replace-me-zone' }),
    );
    expect(error.message.split('\n')).toEqual([
      '--set regoin: no target uses "regoin" (known: machine-type, project, region, zone)',
      '--set aks.region: "aks" is not one of the targets (eks, gke)',
      '--set eks.zone: no target uses "zone" (known: machine-type, region)',
      '--set project: the value is empty',
      '--set zone: "replace-me-zone" is a placeholder, not a value',
    ]);
  });
});
