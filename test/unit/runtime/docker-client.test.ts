import { describe, expect, it } from 'vitest';
import { labelFilter } from '../../../src/runtime/docker-client.js';

describe('labelFilter', () => {
  it('key=value for values, bare key for presence', () => {
    expect(labelFilter({ app: 'k3d', 'k3d.cluster': '' })).toEqual(['app=k3d', 'k3d.cluster']);
    expect(labelFilter({})).toEqual([]);
  });
});
