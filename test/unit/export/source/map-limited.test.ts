import { describe, expect, it } from 'vitest';
import { mapLimited } from '../../../../src/export/source/map-limited.js';
import { rejection } from '../../../support/unit/thrown.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('mapLimited', () => {
  it('keeps input order whatever order the calls finish in', async () => {
    expect(
      await mapLimited([30, 0, 10, 20], 2, async (ms) => {
        await tick(ms);
        return ms * 2;
      }),
    ).toEqual([60, 0, 20, 40]);
  });

  it('never has more than `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    await mapLimited(
      Array.from({ length: 9 }, (_, i) => i),
      3,
      async () => {
        most = Math.max(most, ++inFlight);
        await tick(2);
        inFlight--;
      },
    );
    expect(most).toBe(3);
  });

  it('handles an empty list', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([]);
  });

  it('rejects with the first error and starts nothing after it', async () => {
    const started: number[] = [];
    const err = await rejection(
      mapLimited([1, 2, 3, 4, 5, 6], 2, async (n) => {
        started.push(n);
        await tick(n === 2 ? 1 : 10);
        if (n === 2) throw new Error('boom');
        return n;
      }),
    );
    expect(err.message).toBe('boom');
    await tick(30);
    expect(started).toEqual([1, 2]);
  });
});
