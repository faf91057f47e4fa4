import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { clusterDnsAddress, nthAddress } from '../../../../src/export/targets/cidr.js';
import { thrown } from '../../../support/unit/thrown.js';

describe('nthAddress', () => {
  it.each([
    ['10.96.0.0/16', 10, '10.96.0.10'],
    ['10.43.0.0/16', 10, '10.43.0.10'],
    ['10.152.183.0/24', 10, '10.152.183.10'],
    ['10.96.0.0/12', 300, '10.96.1.44'],
    ['10.96.7.9/16', 10, '10.96.0.10'],
  ])('%s #%i → %s', (cidr, n, address) => {
    expect(nthAddress(cidr, n)).toBe(address);
  });

  it.each(['10.96.0.0', '10.96.0.0/33', '300.1.1.1/8', 'fd00::/64'])('rejects %s', (cidr) => {
    thrown(InvalidInputError, () => nthAddress(cidr, 1));
  });

  it('rejects an address past the range', () => {
    expect(thrown(InvalidInputError, () => nthAddress('10.0.0.0/29', 10)).message).toBe('10.0.0.0/29 has fewer than 11 addresses');
  });
});

describe('clusterDnsAddress', () => {
  it('is the 10th address of the service range', () => {
    expect(clusterDnsAddress('10.96.0.0/16')).toBe('10.96.0.10');
  });
});
