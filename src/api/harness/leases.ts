// Leases on a reused cluster (clusters/<name>/leases.json, through the StateStore so it works on a directory and
// on S3): who holds the cluster (pid and host), whether it was made with keep, and, once the last lease is gone,
// that a delete is under way. Changed only under the cluster's lock (op `lease`); a holder whose process is gone
// on this host holds nothing.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors.js';

/** The record's key in the store. */
export const LEASES = 'leases';

/** Who holds a lease: a process of a host. */
export interface Holder {
  pid: number;
  host: string;
}

/** One holder's lease. */
export interface Lease extends Holder {
  id: string;
  since: string;
}

/** clusters/<name>/leases.json. */
export interface LeaseRecord {
  /** Made with keep (or not made by a harness at all): never deleted by the last release or the reaper. */
  keep: boolean;
  /** The sha256 of the spec it was made with. */
  specHash: string;
  leases: Lease[];
  /** The last lease went away: this holder is deleting the cluster. */
  deleting?: Lease;
}

/** What the harness needs to know about processes: this one, and whether another lives. */
export interface LeaseEnv {
  self: Holder;
  alive(pid: number): boolean;
  sleep(ms: number): Promise<void>;
  /** Milliseconds since the epoch (Date.now). */
  clock(): number;
}

/** A lease's holder still runs (one on another host is taken to). */
export function holds(env: LeaseEnv, h: Holder): boolean {
  return h.host !== env.self.host || env.alive(h.pid);
}

/** Whether `err` is another operation holding the cluster (worth waiting for), not a real conflict. */
export function isBusy(err: unknown): boolean {
  return err instanceof ConflictError && err.code === 'locked';
}

/** Runs `fn` under the cluster's lock, waiting (with backoff) while another operation holds it, until `deadline`. */
export async function underLock<T>(ctx: Context, env: LeaseEnv, name: string, deadline: number, fn: () => Promise<T>): Promise<T> {
  for (let delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
    try {
      const held = await ctx.store.lock(name, 'lease', randomUUID());
      try {
        return await fn();
      } finally {
        await held.release();
      }
    } catch (err) {
      if (!isBusy(err) || env.clock() + delay > deadline) throw err;
      await env.sleep(delay);
    }
  }
}

/** The outcome of joining: a lease, or why there is none (the cluster is gone, or being deleted). */
export type JoinOutcome = { lease: Lease } | { gone: true } | { deleting: Lease; stale: boolean };

/** Adds a lease for this process to `name` (made by this call when `created`; else one that existed). */
export async function joinLeases(
  ctx: Context,
  env: LeaseEnv,
  name: string,
  how: { created: boolean; keep: boolean; specHash: string; deadline: number },
): Promise<JoinOutcome> {
  return underLock(ctx, env, name, how.deadline, async () => {
    if ((await ctx.store.readSpec(name)) === undefined) return { gone: true };
    const current = await ctx.store.readRecord<LeaseRecord>(name, LEASES);
    if (current?.deleting) return { deleting: current.deleting, stale: !holds(env, current.deleting) };
    const lease: Lease = { ...env.self, id: randomUUID(), since: new Date(env.clock()).toISOString() };
    // Its maker decides (and may join after a process that joined the cluster it had just made: whoever gets
    // here first after the up's lock is released). Until then, or when no harness made it (the CLI, say), it is
    // kept: the last lease only lets go of it.
    const keep = how.created ? how.keep : (current?.keep ?? true);
    const live = (current?.leases ?? []).filter((l) => holds(env, l));
    const record: LeaseRecord = { keep, specHash: current?.specHash ?? how.specHash, leases: [...live, lease] };
    await ctx.store.writeRecord(name, LEASES, record);
    return { lease };
  });
}

/** What a release decided: the cluster stays (other holders, or keep), or the caller must delete it now. */
export type ReleaseOutcome = 'kept' | 'delete' | 'absent';

/** Drops the leases `which` picks (and every stale one); when none is left and the cluster is not kept, marks it deleting. */
export async function releaseLeases(
  ctx: Context,
  env: LeaseEnv,
  name: string,
  which: (l: Lease) => boolean,
  deadline: number,
): Promise<ReleaseOutcome> {
  return underLock(ctx, env, name, deadline, async () => {
    const current = await ctx.store.readRecord<LeaseRecord>(name, LEASES);
    if (!current || current.deleting) return 'absent';
    const left = current.leases.filter((l) => !which(l) && holds(env, l));
    // Letting go of nothing (a second release) deletes nothing either.
    const released = current.leases.some(which);
    if (left.length > 0 || current.keep || !released) {
      await ctx.store.writeRecord(name, LEASES, { ...current, leases: left });
      return 'kept';
    }
    const deleting: Lease = { ...env.self, id: randomUUID(), since: new Date(env.clock()).toISOString() };
    await ctx.store.writeRecord(name, LEASES, { ...current, leases: [], deleting });
    return 'delete';
  });
}
