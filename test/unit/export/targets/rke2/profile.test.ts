import { describe, expect, it } from 'vitest';
import { rke2Release } from '../../../../../src/export/targets/rke2/profile.js';

describe('rke2Release', () => {
  it('is the latest patch of the minor, first RKE2 build', () => {
    expect(rke2Release(36)).toBe('v1.36.3+rke2r1');
    expect(rke2Release(33)).toBe('v1.33.13+rke2r1');
  });
});
