import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/api/create-context.js';
import { joinLeases, LEASES, type LeaseEnv, type LeaseRecord, releaseLeases } from '../../../../src/api/harness/leases.js';
import { reapHolder } from '../../../../src/api/harness/reap.js';
import type { Context } from '../../../../src/context.js';
import { kindUp, type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

/** Processes 1..n of this host, `alive` of them living; each its own LeaseEnv. */
function processes(ctx: Context, alive: Set<number>) {
  return (pid: number): LeaseEnv => ({
    self: { pid, host: ctx.host },
    alive: (p) => alive.has(p),
    sleep: async () => undefined,
    clock: () => Date.now(),
  });
}

const far = () => Date.now() + 60_000;
const join = (ctx: Context, env: LeaseEnv, created: boolean, keep = false) =>
  joinLeases(ctx, env, 'dev', { created, keep, specHash: 'h', deadline: far() });
const release = (ctx: Context, env: LeaseEnv) => releaseLeases(ctx, env, 'dev', (l) => l.pid === env.self.pid, far());

describe('leases', () => {
  it('the last of two holders to let go deletes the cluster (made without keep); a second release does nothing', async () => {
    await kindUp(w, 'dev');
    const ctx = createContext(w.options());
    const as = processes(ctx, new Set([1, 2]));
    expect(await join(ctx, as(1), true)).toHaveProperty('lease');
    expect(await join(ctx, as(2), false)).toHaveProperty('lease');
    const record = await ctx.store.readRecord<LeaseRecord>('dev', LEASES);
    expect(record).toMatchObject({
      keep: false,
      specHash: 'h',
      leases: [
        { pid: 1, host: ctx.host },
        { pid: 2, host: ctx.host },
      ],
    });
    expect(await release(ctx, as(1))).toBe('kept');
    expect(await release(ctx, as(1))).toBe('kept');
    expect(await release(ctx, as(2))).toBe('delete');
    expect(await ctx.store.readRecord<LeaseRecord>('dev', LEASES)).toMatchObject({ leases: [], deleting: { pid: 2 } });
    // While it is being deleted, nobody joins it.
    expect(await join(ctx, as(1), false)).toMatchObject({ deleting: { pid: 2 }, stale: false });
  });

  it("a dead holder's lease counts for nothing; a cluster made with keep, or not by a harness, is never deleted", async () => {
    await kindUp(w, 'dev');
    const ctx = createContext(w.options());
    const alive = new Set([1, 2]);
    const as = processes(ctx, alive);
    await join(ctx, as(1), false); // existed before (the CLI made it): kept
    expect((await ctx.store.readRecord<LeaseRecord>('dev', LEASES))!.keep).toBe(true);
    await join(ctx, as(2), false);
    alive.delete(2);
    expect(await release(ctx, as(1))).toBe('kept');
    expect((await ctx.store.readRecord<LeaseRecord>('dev', LEASES))!.leases).toEqual([]);
  });

  it('the maker decides keep even when a joiner got to the record first (both saw the same up finish)', async () => {
    await kindUp(w, 'dev');
    const ctx = createContext(w.options());
    const as = processes(ctx, new Set([1, 2]));
    await join(ctx, as(2), false); // joined the cluster process 1 has just made, before process 1 recorded its lease
    expect((await ctx.store.readRecord<LeaseRecord>('dev', LEASES))!.keep).toBe(true);
    expect(await release(ctx, as(2))).toBe('kept');
    await join(ctx, as(2), false);
    await join(ctx, as(1), true); // the maker, made without keep
    expect(await ctx.store.readRecord<LeaseRecord>('dev', LEASES)).toMatchObject({ keep: false, leases: [{ pid: 2 }, { pid: 1 }] });
    expect(await release(ctx, as(1))).toBe('kept');
    expect(await release(ctx, as(2))).toBe('delete');
  });

  it('joining a cluster that is gone says so', async () => {
    const ctx = createContext(w.options());
    expect(await join(ctx, processes(ctx, new Set([1]))(1), true)).toEqual({ gone: true });
  });
});

describe('reapHolder', () => {
  it("drops the dead process's leases, deletes what it alone held, keeps what others hold", async () => {
    await kindUp(w, 'dev');
    await kindUp(w, 'shared');
    const ctx = createContext(w.options());
    const alive = new Set([1, 2, 3]);
    const as = processes(ctx, alive);
    await join(ctx, as(1), true);
    await joinLeases(ctx, as(1), 'shared', { created: true, keep: false, specHash: 'h', deadline: far() });
    await joinLeases(ctx, as(2), 'shared', { created: false, keep: false, specHash: 'h', deadline: far() });
    alive.delete(1);
    const deleted: string[] = [];
    const done = await reapHolder(ctx, as(3), { pid: 1, host: ctx.host }, async (name) => void deleted.push(name));
    expect(done).toEqual([
      { name: 'dev', action: 'deleted' },
      { name: 'shared', action: 'released' },
    ]);
    expect(deleted).toEqual(['dev']);
    expect((await ctx.store.readRecord<LeaseRecord>('shared', LEASES))!.leases.map((l) => l.pid)).toEqual([2]);
  });

  it('leaves clusters of other processes, and ones made with keep, alone', async () => {
    await kindUp(w, 'dev');
    const ctx = createContext(w.options());
    const alive = new Set([2]);
    const as = processes(ctx, alive);
    await join(ctx, as(1), true, true);
    const deleted: string[] = [];
    expect(await reapHolder(ctx, as(2), { pid: 7, host: ctx.host }, async (n) => void deleted.push(n))).toEqual([]);
    expect(await reapHolder(ctx, as(2), { pid: 1, host: ctx.host }, async (n) => void deleted.push(n))).toEqual([
      { name: 'dev', action: 'released' },
    ]);
    expect(deleted).toEqual([]);
  });
});
