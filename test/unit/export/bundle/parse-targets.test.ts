import { describe, expect, it } from 'vitest';
import { parseSettings, parseTargets } from '../../../../src/export/bundle/parse-targets.js';

describe('parseTargets', () => {
  it('takes comma lists and repeats, in order, without duplicates', () => {
    expect(parseTargets(['eks,gke', 'aks', 'EKS'])).toEqual(['eks', 'gke', 'aks']);
  });
  it('refuses unknown and missing targets with the list of known ones (exit 2)', () => {
    expect(() => parseTargets(['eks,gcp'])).toThrow(
      expect.objectContaining({ message: 'unknown target "gcp"', exitCode: 2, hint: expect.stringContaining('kubeadm, kops, eks') }),
    );
    expect(() => parseTargets([])).toThrow(expect.objectContaining({ message: 'name at least one target with --to' }));
  });
});

describe('parseSettings', () => {
  it('splits at the first =', () => {
    expect(parseSettings(['region=eu-west-1', 'eks.tags=a=b'])).toEqual({ region: 'eu-west-1', 'eks.tags': 'a=b' });
  });
  it('refuses an entry without a key or given twice', () => {
    expect(() => parseSettings(['region'])).toThrow('--set region: expected KEY=VALUE');
    expect(() => parseSettings(['=x'])).toThrow('--set =x: expected KEY=VALUE');
    expect(() => parseSettings(['a=1', 'a=2'])).toThrow('--set a is given twice');
  });
});
