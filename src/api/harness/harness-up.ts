// The harness half of `up`: around one plain up (created, unchanged or started), what a test process needs. A
// cluster made without keep gets a lease for this process and the reaper watching it; with reuse, a busy cluster
// (another process making or deleting it) is waited for with backoff, then joined with a lease of its own, and
// down() only releases that lease (the last one deletes the cluster unless it was made with keep).
import { setTimeout as sleep } from 'node:timers/promises';
import type { UpState } from '../../apply/up/up-state.js';
import type { CommonOptions, Context } from '../../context.js';
import { TimedOutError } from '../../errors.js';
import { processAlive } from '../../runtime/process-alive.js';
import { stateLocation } from '../../state/locate-store.js';
import { down } from '../down.js';
import type { ClusterHandle } from '../handle.js';
import { isBusy, joinLeases, type LeaseEnv, releaseLeases } from './leases.js';
import { makeHandle } from './make-handle.js';
import { specHash } from './names.js';
import { ensureReaper } from './start-reaper.js';

/** The options of `up` the harness reads. */
export interface HarnessUpOptions extends CommonOptions {
  name?: string;
  /** Share the running cluster with the identical spec (else make it); down() releases this handle's lease. */
  reuse?: boolean;
  /** Never delete the cluster behind the caller's back: not when the last lease goes, not when this process dies. */
  keep?: boolean;
  timeoutMs?: number;
  waitMs?: number;
}

/** What one plain up did. */
export interface UpOutcome {
  state: UpState;
  unchanged: boolean;
  started: boolean;
}

/** This process as a lease holder, with the real clock. */
export function processLeaseEnv(ctx: Context): LeaseEnv {
  return { self: { pid: process.pid, host: ctx.host }, alive: processAlive, sleep: (ms) => sleep(ms), clock: () => Date.now() };
}

/** How long `up` may take, waits for a busy cluster included. */
function budget(opts: HarnessUpOptions): number {
  return (opts.timeoutMs ?? 5 * 60_000) + (opts.waitMs ?? 0) + 60_000;
}

function startReaper(ctx: Context, opts: HarnessUpOptions): void {
  // The reaper builds its own Docker client and runner: a caller that injected its own has nothing for it to reap.
  if (opts.docker !== undefined || opts.runner !== undefined) return;
  ensureReaper(
    {
      state: stateLocation(opts.state, ctx.env),
      env: ctx.env,
      cwd: process.cwd(),
      ...(opts.s3Endpoint ? { s3Endpoint: opts.s3Endpoint } : {}),
      ...(opts.dockerContext ? { dockerContext: opts.dockerContext } : {}),
      ...(opts.binaries ? { binaries: opts.binaries } : {}),
    },
    ctx.logger,
  );
}

async function deleteCluster(opts: HarnessUpOptions, name: string): Promise<void> {
  await down({ ...opts, names: [name] });
}

/** Joins (or makes) the cluster, waiting while it is busy; resolves to a handle that holds a lease. */
async function reuse<O extends HarnessUpOptions>(
  ctx: Context,
  opts: O,
  once: (ctx: Context, opts: O) => Promise<UpOutcome>,
  env: LeaseEnv,
): Promise<ClusterHandle> {
  const deadline = env.clock() + budget(opts);
  let told = false;
  for (let delay = 250; ; delay = Math.min(delay * 2, 3_000)) {
    let made: UpOutcome;
    try {
      made = await once(ctx, opts);
    } catch (err) {
      if (!isBusy(err) || env.clock() + delay > deadline) throw err;
      if (!told) ctx.logger.info(`cluster "${opts.name}" is busy (another process makes or deletes it): waiting`);
      told = true;
      await env.sleep(delay);
      continue;
    }
    const { spec } = made.state.plan;
    const joined = await joinLeases(ctx, env, spec.name, {
      created: !made.unchanged && !made.started,
      keep: opts.keep ?? false,
      specHash: specHash(spec),
      deadline,
    });
    if ('lease' in joined) {
      const { lease } = joined;
      return makeHandle({
        ctx,
        opts,
        ...made,
        reused: true,
        letGo: async () => {
          const outcome = await releaseLeases(ctx, env, spec.name, (l) => l.id === lease.id, env.clock() + budget(opts));
          if (outcome === 'delete') await deleteCluster(opts, spec.name);
        },
      });
    }
    // Its last holder is deleting it: wait until it is gone, then make it again; finish a delete whose holder died.
    if ('deleting' in joined && joined.stale) await deleteCluster(opts, spec.name);
    else if (env.clock() + delay > deadline)
      throw new TimedOutError('reuse', `cluster "${spec.name}" was still being deleted by its last holder`, 'try again once it is gone');
    else await env.sleep(delay);
  }
}

/** `up` for a test process: the reaper for clusters made without keep, leases, reuse. */
export async function harnessUp<O extends HarnessUpOptions>(
  ctx: Context,
  opts: O,
  once: (ctx: Context, opts: O) => Promise<UpOutcome>,
  env: LeaseEnv = processLeaseEnv(ctx),
): Promise<ClusterHandle> {
  const keep = opts.keep ?? false;
  // Started before anything is made: a process killed halfway through its first up is cleaned up after too.
  if (!keep) startReaper(ctx, opts);
  if (opts.reuse) return reuse(ctx, opts, once, env);
  const made = await once(ctx, opts);
  const { spec } = made.state.plan;
  // This process holds it: the reaper deletes it once the process is gone (unless it existed before).
  if (!keep) {
    await joinLeases(ctx, env, spec.name, {
      created: !made.unchanged && !made.started,
      keep: false,
      specHash: specHash(spec),
      deadline: env.clock() + budget(opts),
    });
  }
  return makeHandle({ ctx, opts, ...made, reused: false, letGo: () => deleteCluster(opts, spec.name) });
}
