// What the reaper does once the process it watches is gone (testcontainers' Ryuk, for clusters): an `up` that
// process left half-done is rolled back, its leases are dropped, and a cluster whose last lease that was, made
// without keep, is deleted. Clusters other processes still hold, or made with keep, stay.
import type { Context } from '../../context.js';
import { recoverInterrupted } from '../../apply/recover.js';
import { isBusy, LEASES, type Holder, type LeaseEnv, type LeaseRecord, releaseLeases } from './leases.js';

/** What the reaper did to one cluster. */
export interface Reaped {
  name: string;
  action: 'rolled-back' | 'deleted' | 'released';
}

const same = (a: Holder, b: Holder) => a.pid === b.pid && a.host === b.host;

/** Cleans up after `gone` in the store of `ctx`; `deleteCluster` runs `down`. Never throws for one cluster: it goes on. */
export async function reapHolder(
  ctx: Context,
  env: LeaseEnv,
  gone: Holder,
  deleteCluster: (name: string) => Promise<void>,
  budgetMs = 10 * 60_000,
): Promise<Reaped[]> {
  const done: Reaped[] = [];
  for (const name of await ctx.store.list()) {
    try {
      const lock = await ctx.store.readLock(name);
      if (lock && !lock.live && lock.info.op === 'up' && same(lock.info, gone)) {
        // Only if it is still interrupted when looked at: another process may have recovered it (and made it again).
        const recovered = await recoverInterrupted(ctx, name);
        if (recovered) done.push({ name, action: 'rolled-back' });
        continue;
      }
      const record = await ctx.store.readRecord<LeaseRecord>(name, LEASES);
      if (!record) continue;
      const mine = record.leases.some((l) => same(l, gone));
      const unfinished = record.deleting !== undefined && same(record.deleting, gone);
      if (!mine && !unfinished) continue;
      const outcome = unfinished ? 'delete' : await releaseLeases(ctx, env, name, (l) => same(l, gone), env.clock() + budgetMs);
      if (outcome === 'delete') {
        await deleteCluster(name);
        done.push({ name, action: 'deleted' });
      } else done.push({ name, action: 'released' });
    } catch (err) {
      // Busy: whoever holds it now takes care of it. Anything else: go on with the next cluster.
      ctx.logger.warn(`reaper: ${name}: ${isBusy(err) ? 'busy, left to its holder' : (err as Error).message}`);
    }
  }
  return done;
}
