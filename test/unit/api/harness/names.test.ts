import { describe, expect, it } from 'vitest';
import { reuseClusterName, specHash, workerClusterName } from '../../../../src/api/harness/names.js';
import { planUp } from '../../../../src/plan/plan.js';
import { checkClusterName } from '../../../../src/plan/cluster-name.js';
import { builtinPreset } from '../../../support/unit/presets.js';

describe('workerClusterName', () => {
  it('names the vitest pool slot and the pid (threads share a pid, forks a slot number over time)', () => {
    expect(workerClusterName({ VITEST_POOL_ID: '3', VITEST_WORKER_ID: '17' }, 4242)).toBe('kindling-w3-4242');
  });

  it("names jest's worker, and only the pid outside a test runner", () => {
    expect(workerClusterName({ JEST_WORKER_ID: '2' }, 99)).toBe('kindling-w2-99');
    expect(workerClusterName({}, 99)).toBe('kindling-99');
  });

  it('is a valid k3d cluster name even for odd worker ids', () => {
    const name = workerClusterName({ VITEST_WORKER_ID: 'Pool_ID/12345678901' }, 4194304);
    expect(name).toBe('kindling-wpoolid12-4194304');
    expect(() => checkClusterName(name, 'k3d', [])).not.toThrow();
  });
});

describe('reuse names', () => {
  const spec = (workers: number) => planUp(builtinPreset('k3d'), { name: 'kindling-reuse', workers }).spec;

  it('the same spec gives the same name; another spec another name', () => {
    expect(reuseClusterName(spec(1))).toBe(reuseClusterName(spec(1)));
    expect(reuseClusterName(spec(1))).not.toBe(reuseClusterName(spec(2)));
    expect(reuseClusterName(spec(1))).toMatch(/^kindling-[0-9a-f]{12}$/);
  });

  it('the hash ignores key order and undefined fields', () => {
    const a = spec(0);
    const reordered = Object.fromEntries(Object.entries({ ...a, extra: undefined }).reverse()) as unknown as typeof a;
    expect(specHash(reordered)).toBe(specHash(a));
  });
});
