// Snapshots: `snapshot` takes one (src/apply/snapshot/), `listSnapshots` and `deleteSnapshot` read and remove
// them; `up --from-snapshot` makes a new cluster from one, `restoreSnapshot` brings a cluster back to one.
import { applySnapshot } from '../apply/snapshot/run-snapshot.js';
import { removeSnapshot, snapshotSummaries } from '../apply/snapshot/list-snapshots.js';
import { applyRecreate, planRecreateOf, type RecreateApplyOptions } from '../apply/recreate/run-recreate.js';
import { readManifest } from '../apply/snapshot/read-snapshot.js';
import type { CommonOptions, Context } from '../context.js';
import { renameSpec } from '../model/cluster-spec.js';
import { checkSnapshotId, type SnapshotManifest, type SnapshotSummary } from '../model/snapshot.js';
import { recreateResult, type RecreateResult } from './upgrade.js';
import type { SnapshotPlan } from '../plan/snapshot-plan.js';
import { createContext } from './create-context.js';
import { recoverBeforeUse } from '../apply/recover.js';

/** Options of `snapshot`. */
export interface SnapshotOptions extends CommonOptions {
  /** The cluster. */
  name: string;
  /** The snapshot's name (default: the time, e.g. 20261206-163000). */
  snapshot?: string;
  /** Stop the cluster while its volumes are copied, then start it again (default: copied live, and the manifest says so). */
  consistent?: boolean;
  /** --consistent: time limits of the start and of its readiness wait (default 5 minutes each). */
  timeoutMs?: number;
  waitMs?: number;
}

function applyOptions(opts: SnapshotOptions) {
  return {
    ...(opts.snapshot === undefined ? {} : { id: opts.snapshot }),
    consistent: opts.consistent ?? false,
    reason: 'user' as const,
    timeoutMs: opts.timeoutMs ?? 5 * 60_000,
    waitMs: opts.waitMs ?? 5 * 60_000,
  };
}

/** Takes a snapshot of a cluster; returns its manifest. */
export async function snapshot(opts: SnapshotOptions): Promise<SnapshotManifest> {
  const ctx = createContext(opts);
  await recoverBeforeUse(ctx, opts.name);
  const r = await applySnapshot(ctx, opts.name, applyOptions(opts));
  return r.manifest!;
}

/** What `snapshot` would do; changes nothing. */
export async function snapshotPlan(opts: SnapshotOptions): Promise<SnapshotPlan> {
  return (await applySnapshot(createContext(opts), opts.name, { ...applyOptions(opts), dryRun: true })).plan;
}

/** Options of `listSnapshots`. */
export interface ListSnapshotsOptions extends CommonOptions {
  /** Only these clusters (default: every cluster in the store). */
  names?: readonly string[];
  /** Snapshots of deleted clusters too. */
  all?: boolean;
}

/** The snapshots the store holds. */
export async function listSnapshots(opts: ListSnapshotsOptions = {}): Promise<SnapshotSummary[]> {
  return snapshotSummaries(createContext(opts), opts.names ?? [], opts.all ?? false);
}

/** Options of `deleteSnapshot`. */
export interface DeleteSnapshotOptions extends CommonOptions {
  name: string;
  snapshot: string;
}

/** Removes one snapshot; NotFoundError when there is none of that name. */
export async function deleteSnapshot(opts: DeleteSnapshotOptions): Promise<void> {
  await removeSnapshot(createContext(opts), opts.name, opts.snapshot);
}

/** Options of `restoreSnapshot`. */
export interface RestoreSnapshotOptions extends CommonOptions {
  /** The cluster to bring back. */
  name: string;
  /** One of its snapshots. */
  snapshot: string;
  /** Time limit of each engine create (default 5 minutes). */
  timeoutMs?: number;
  /** The readiness wait before the restore (default 5 minutes). */
  waitMs?: number;
  dryRun?: boolean;
}

/** The recreate options of a snapshot restore: the cluster as the snapshot has it (its spec too), under its own name. */
async function restoreRecreate(ctx: Context, opts: RestoreSnapshotOptions): Promise<RecreateApplyOptions> {
  const id = checkSnapshotId(opts.snapshot);
  const manifest = await readManifest(ctx, opts.name, id);
  return {
    reason: 'restore',
    wanted: (current) => ({ ...renameSpec(manifest.spec, current.name), apiServer: current.apiServer }),
    snapshot: id,
    timeoutMs: opts.timeoutMs ?? 5 * 60_000,
    waitMs: opts.waitMs ?? 5 * 60_000,
  };
}

/** Brings a cluster back to one of its snapshots: checked, then the cluster recreated from it; with dryRun, the plan only. */
export async function restoreSnapshot(opts: RestoreSnapshotOptions): Promise<RecreateResult> {
  const ctx = createContext(opts);
  const recreate = await restoreRecreate(ctx, opts);
  if (opts.dryRun) {
    const { plan } = await planRecreateOf(ctx, opts.name, recreate);
    return { ...recreateResult(plan, {}, false), plan };
  }
  const outcome = await applyRecreate(ctx, opts.name, recreate);
  return recreateResult(outcome.plan, outcome, false);
}
