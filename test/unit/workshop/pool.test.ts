import { describe, expect, it } from 'vitest';
import { runPool } from '../../../src/workshop/pool.js';

describe('runPool', () => {
  it('keeps at most `limit` jobs in flight and reports outcomes in order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await runPool(
      [1, 2, 3, 4, 5, 6, 7],
      async (n) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5 * (8 - n)));
        inFlight--;
        return n * 10;
      },
      { limit: 3 },
    );
    expect(most).toBe(3);
    expect(out.map((o) => (o.ok ? o.value : -1))).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('retries a failed job once, after the clean-up hook, and reports one that fails twice', async () => {
    const calls: string[] = [];
    const out = await runPool(
      ['flaky', 'broken', 'fine'],
      async (item, attempt) => {
        calls.push(`${item}#${attempt}`);
        if (item === 'broken' || (item === 'flaky' && attempt === 1)) throw new Error(`${item} failed`);
        return item;
      },
      { limit: 1, beforeRetry: async (item, err) => void calls.push(`cleanup ${item}: ${(err as Error).message}`) },
    );
    expect(calls).toEqual([
      'flaky#1',
      'cleanup flaky: flaky failed',
      'flaky#2',
      'broken#1',
      'cleanup broken: broken failed',
      'broken#2',
      'fine#1',
    ]);
    expect(out.map((o) => [o.ok, o.attempts])).toEqual([
      [true, 2],
      [false, 2],
      [true, 1],
    ]);
  });

  it('starts nothing new once aborted', async () => {
    const abort = new AbortController();
    const out = await runPool(
      [1, 2, 3],
      async (n) => {
        abort.abort();
        return n;
      },
      { limit: 1, signal: abort.signal },
    );
    expect(out.map((o) => o.ok)).toEqual([true, false, false]);
  });
});
