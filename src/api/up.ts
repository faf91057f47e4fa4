// `up`: plan, then apply (src/apply/up/). Idempotent: the same spec on a running cluster is a no-op, on a
// stopped one it is started (never re-created); a different spec is refused with the differences named; a
// half-created cluster is refused.
import { applyUp } from '../apply/up/run-up.js';
import { checkMountSources } from '../apply/up/preflight.js';
import { dryRunChecks, type PreflightCheck } from '../apply/up/dry-run-checks.js';
import type { CommonOptions } from '../context.js';
import { createContext } from './create-context.js';
import { applyStart } from '../apply/start/run-start.js';
import type { ClusterHandle } from './handle.js';
import { harnessUp, type HarnessUpOptions, type UpOutcome } from './harness/harness-up.js';
import { REUSE_PLACEHOLDER, reuseClusterName, workerClusterName } from './harness/names.js';
import { plan as makePlan, type PlanOptions } from './plan.js';
import type { Context } from '../context.js';
import { ConflictError, InvalidInputError } from '../errors.js';
import { renameSpec } from '../model/cluster-spec.js';
import { parseSnapshotRef } from '../model/snapshot.js';
import { planFromSpec, type Plan } from '../plan/plan.js';
import { readManifest } from '../apply/snapshot/read-snapshot.js';
import { recordFootprint } from '../status/footprint.js';
import { recoverBeforeUse } from '../apply/recover.js';

/** Options of `up`. From the library, merge defaults to false and waitMs to 5 minutes (the CLI passes its flags). */
export interface UpOptions extends PlanOptions, CommonOptions, HarnessUpOptions {
  /** Time limit for the engine's create, in milliseconds (default 5 minutes). */
  timeoutMs?: number;
  /** Keep what was created when a step fails (for debugging). */
  retain?: boolean;
  /** Read add-on manifests from this folder (by their URL's file name) instead of downloading them. */
  addonsFrom?: string;
  /** `CLUSTER/SNAPSHOT`: make a new cluster from a snapshot (its spec, objects and volume data); `name` renames it. */
  fromSnapshot?: string;
  /** With no name: `worker` (the default) names the cluster after the test worker and process (with reuse: after
   * the spec's hash); `preset` takes the preset's default name (the CLI's choice). */
  unnamed?: 'worker' | 'preset';
}

/** How long `up` from the library waits for readiness unless told. */
export const LIBRARY_WAIT_MS = 5 * 60_000;

/** The library's defaults, which suit a test process: no merge into the user's kubeconfig, readiness awaited. */
function withLibraryDefaults(opts: UpOptions): UpOptions {
  return { ...opts, merge: opts.merge ?? false, waitMs: opts.waitMs ?? LIBRARY_WAIT_MS };
}

/** `opts` with the name `up` uses when given none: per test worker, or with reuse, per spec (unless `unnamed: 'preset'`). */
async function named(ctx: Context, opts: UpOptions): Promise<UpOptions> {
  if (opts.name !== undefined || opts.unnamed === 'preset') return opts;
  if (!opts.reuse) return { ...opts, name: workerClusterName(ctx.env, process.pid) };
  const placeholder = await upPlan(ctx, { ...opts, name: REUSE_PLACEHOLDER });
  return { ...opts, name: reuseClusterName(placeholder.spec) };
}

const DEFAULT_SNAPSHOT_WAIT_MS = 5 * 60_000;

/** The plan `up` applies: from the preset and overrides, or, with fromSnapshot, from the snapshot's spec. */
export async function upPlan(ctx: Context, opts: UpOptions): Promise<Plan> {
  if (opts.fromSnapshot === undefined) {
    const plan = await makePlan({ ...opts, cwd: ctx.cwd });
    // Before the lock is taken: a bad --mount changes nothing, not even the store.
    await checkMountSources(plan.spec);
    return plan;
  }
  if (opts.preset !== undefined || (opts.set?.length ?? 0) > 0) {
    throw new InvalidInputError(
      '--from-snapshot makes the cluster the snapshot was taken of: it takes no --preset or --set',
      'leave them out; --name gives the new cluster another name',
    );
  }
  const ref = parseSnapshotRef(opts.fromSnapshot);
  const manifest = await readManifest(ctx, ref.cluster, ref.snapshot);
  const spec = renameSpec(manifest.spec, opts.name ?? manifest.spec.name);
  // Reuse joins the identical cluster when it exists (applyUp compares the specs).
  if (!opts.reuse && (await ctx.store.has(spec.name))) {
    throw new ConflictError(
      'cluster-exists',
      `cluster "${spec.name}" exists: --from-snapshot makes a new cluster`,
      `give the new one another --name, or bring "${spec.name}" back to the snapshot with \`kindling snapshot restore ${spec.name} ${ref.snapshot}\``,
    );
  }
  // The objects are restored through the API: the new cluster is always waited for.
  const waitMs = opts.waitMs !== undefined && opts.waitMs > 0 ? opts.waitMs : DEFAULT_SNAPSHOT_WAIT_MS;
  return planFromSpec(
    spec,
    {
      ...(opts.merge !== undefined ? { merge: opts.merge } : {}),
      ...(opts.switchContext !== undefined ? { switchContext: opts.switchContext } : {}),
    },
    waitMs,
    { fromSnapshot: ref },
  );
}

/** What `up --dry-run` says: the plan, and the read-only preflight `up` would run, every check's outcome. */
export async function upDryRun(input: UpOptions = {}): Promise<{ plan: Plan; checks: PreflightCheck[] }> {
  const ctx = createContext(input);
  const opts = await named(ctx, withLibraryDefaults(input));
  const plan = opts.fromSnapshot === undefined ? await makePlan({ ...opts, cwd: ctx.cwd }) : await upPlan(ctx, opts);
  return { plan, checks: await dryRunChecks(ctx, plan.spec) };
}

/** Runs the up `opts` describe (named already) once: created, unchanged, or started. */
async function upOnce(ctx: Context, opts: UpOptions): Promise<UpOutcome> {
  const plan = await upPlan(ctx, opts);
  for (const w of plan.warnings) ctx.logger.warn(w);
  await recoverBeforeUse(ctx, plan.spec.name);
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  const { state, unchanged } = await applyUp(ctx, plan, {
    timeoutMs,
    retain: opts.retain ?? false,
    ...(opts.addonsFrom ? { addonsFrom: opts.addonsFrom } : {}),
  });
  // What the cluster weighs on this host, for doctor's "about N more fit" (never fails the up).
  if (!unchanged) await recordFootprint(ctx, plan.spec.name, plan.spec.preset);
  if (!unchanged || (state.status!.phase !== 'stopped' && state.status!.phase !== 'degraded')) return { state, unchanged, started: false };
  ctx.logger.info(`cluster "${plan.spec.name}" is ${state.status!.phase}; starting it`);
  const started = await applyStart(ctx, plan.spec.name, { timeoutMs, waitMs: plan.readiness.waitMs });
  return {
    state: { ...state, status: started.status!, ...(started.readiness ? { readiness: started.readiness } : {}) },
    unchanged: false,
    started: true,
  };
}

/**
 * Creates the cluster described by the preset and overrides, or returns the identical one that exists. From the
 * library the defaults suit a test process: no merge into the user's kubeconfig, readiness awaited, a name of its
 * own per test worker, and a cluster made without keep deleted by the reaper once this process is gone. With
 * reuse, the running cluster with the identical spec is shared through leases (waiting while another process
 * makes it).
 */
export async function up(input: UpOptions = {}): Promise<ClusterHandle> {
  const base = withLibraryDefaults(input);
  const ctx = createContext(base);
  const opts = await named(ctx, base);
  return harnessUp(ctx, opts, upOnce);
}
