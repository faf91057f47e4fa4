import { describe, expect, it } from 'vitest';
import { GiB } from '../../../src/doctor/bytes.js';
import { capacityVerdict, freeAcross } from '../../../src/workshop/capacity.js';
import { chooseParallel } from '../../../src/workshop/concurrency.js';
import { spreadOver } from '../../../src/workshop/spread.js';

describe('capacity', () => {
  it('says how many fit, in the issue’s words', () => {
    const v = capacityVerdict(10, 0.6 * GiB, 3.2 * GiB);
    expect(v).toMatchObject({ fits: false, maxFit: 5, count: 10 });
    expect(v.message).toBe('10 clusters need about 6.0 GiB, 3.2 GiB free: at most 5 fit');
    expect(capacityVerdict(5, GiB, 5 * GiB).fits).toBe(true);
    expect(capacityVerdict(1, GiB, 0).message).toBe('1 cluster needs about 1.0 GiB, 0 MiB free: at most 0 fit');
  });

  it('counts the machine’s memory once for engines on this machine', () => {
    const hosts = [
      { context: 'a', freeBytes: 20 * GiB, local: true },
      { context: 'b', freeBytes: 20 * GiB, local: true },
      { context: 'far', freeBytes: 8 * GiB, local: false },
    ];
    expect(freeAcross(hosts, 21 * GiB)).toBe(29 * GiB);
    expect(freeAcross(hosts.slice(0, 1), 30 * GiB)).toBe(20 * GiB);
  });
});

describe('parallel creates', () => {
  it('five per core, at most 16, no more than memory holds or there are clusters', () => {
    expect(chooseParallel({ count: 10, cores: 2, freeBytes: 20 * GiB, footprintBytes: GiB })).toBe(10);
    expect(chooseParallel({ count: 40, cores: 2, freeBytes: 100 * GiB, footprintBytes: GiB })).toBe(10);
    expect(chooseParallel({ count: 40, cores: 32, freeBytes: 100 * GiB, footprintBytes: GiB })).toBe(16);
    expect(chooseParallel({ count: 10, cores: 8, freeBytes: 3 * GiB, footprintBytes: GiB })).toBe(3);
    expect(chooseParallel({ count: 3, cores: 8, freeBytes: 100 * GiB, footprintBytes: GiB })).toBe(3);
    expect(chooseParallel({ count: 10, cores: 8, freeBytes: 0, footprintBytes: GiB })).toBe(1);
  });

  it('takes --parallel, but never above the count', () => {
    expect(chooseParallel({ count: 10, cores: 2, freeBytes: 0, footprintBytes: GiB, requested: 4 })).toBe(4);
    expect(chooseParallel({ count: 2, cores: 2, freeBytes: 0, footprintBytes: GiB, requested: 8 })).toBe(2);
  });
});

describe('spreading over Docker hosts', () => {
  it('fills hosts in proportion to their free memory', () => {
    const hosts = [
      { context: 'a', freeBytes: 4 * GiB },
      { context: 'b', freeBytes: 2 * GiB },
    ];
    const placed = spreadOver(6, hosts, GiB);
    expect(placed.filter((c) => c === 'a')).toHaveLength(4);
    expect(placed.filter((c) => c === 'b')).toHaveLength(2);
  });

  it('alternates between equal hosts, the first first', () => {
    expect(
      spreadOver(
        4,
        [
          { context: 'a', freeBytes: GiB },
          { context: 'b', freeBytes: GiB },
        ],
        0.1 * GiB,
      ),
    ).toEqual(['a', 'b', 'a', 'b']);
  });

  it('puts everything on the one host there is', () => {
    expect(spreadOver(3, [{ context: '', freeBytes: 0 }], GiB)).toEqual(['', '', '']);
  });
});
