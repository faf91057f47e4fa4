// Applies `snapshot create` to one cluster: its plan from the stored spec, then the plan's steps under the
// cluster's lock and journalled (run-operation.ts). Operations that hold the lock already (down --backup,
// upgrade, scale through a recreate) take theirs with takeSnapshotInside: the same steps, no lock of its own.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { contextOf, type ClusterSpec } from '../../model/cluster-spec.js';
import { checkSnapshotId, defaultSnapshotId, type SnapshotManifest, type SnapshotReason } from '../../model/snapshot.js';
import { planSnapshot, type SnapshotPlan } from '../../plan/snapshot-plan.js';
import { observeCluster } from '../../status/observe.js';
import { openJournal } from '../journal.js';
import { refuseMissing } from '../missing-cluster.js';
import { runActions } from '../run-actions.js';
import { runOperation } from '../run-operation.js';
import { storedCluster } from '../stored-cluster.js';
import type { SnapshotState } from './snapshot-state.js';
import { SNAPSHOT_STEPS } from './steps.js';

/** How to take a snapshot. */
export interface SnapshotApplyOptions {
  /** Its name (default: the time, e.g. 20261206-163000). */
  id?: string;
  consistent: boolean;
  reason: SnapshotReason;
  /** --consistent: time limits of the start after the copy and of its readiness wait. */
  timeoutMs: number;
  waitMs: number;
  dryRun?: boolean;
}

async function prepare(ctx: Context, spec: ClusterSpec, opts: SnapshotApplyOptions): Promise<SnapshotState> {
  const id =
    opts.id === undefined ? defaultSnapshotId(ctx.now(), opts.reason, await ctx.store.listSnapshots(spec.name)) : checkSnapshotId(opts.id);
  const plan = planSnapshot(spec, id, { consistent: opts.consistent, reason: opts.reason });
  const kubeconfigPath = (await ctx.store.kubeconfigPath(spec.name)) ?? '';
  return {
    spec,
    plan,
    kubeconfigPath,
    timeoutMs: opts.timeoutMs,
    waitMs: opts.waitMs,
    parts: [],
    volumes: [],
    journal: openJournal(ctx, 'snapshot', randomUUID(), spec),
  };
}

async function refuseUnready(ctx: Context, state: SnapshotState): Promise<void> {
  const { name, engine } = state.spec;
  const id = state.plan.snapshot;
  if ((await ctx.store.listSnapshots(name)).includes(id)) {
    throw new ConflictError(
      'snapshot-exists',
      `cluster "${name}" already has a snapshot named "${id}"`,
      `choose another --name, or remove it first with \`kindling snapshot delete ${name} ${id}\``,
    );
  }
  if (state.kubeconfigPath === '') {
    throw new NotFoundError(
      'cluster',
      `cluster "${name}" has no stored kubeconfig (it never finished creating)`,
      `run \`kindling up\` for it first`,
    );
  }
  const now = await observeCluster(ctx, name, engine, undefined, { context: contextOf(state.spec), ignoreLock: true });
  refuseMissing(now, 'snapshot');
  if (now.phase !== 'running') {
    throw new ConflictError(
      'cluster-not-running',
      `cluster "${name}" is ${now.phase}: a snapshot reads its objects through the API`,
      `start it first with \`kindling start ${name}\``,
    );
  }
}

function steps(plan: SnapshotPlan) {
  return plan.actions.map((a) => ({ title: a.title, action: SNAPSHOT_STEPS[a.id] }));
}

/** Takes a snapshot of one cluster the store knows (or, with dryRun, only plans it). */
export async function applySnapshot(
  ctx: Context,
  name: string,
  opts: SnapshotApplyOptions,
): Promise<{ plan: SnapshotPlan; manifest?: SnapshotManifest }> {
  const { spec } = await storedCluster(ctx, name);
  const state = await prepare(ctx, spec, opts);
  if (opts.dryRun) return { plan: state.plan };
  await refuseUnready(ctx, state);
  await runOperation(ctx, {
    cluster: name,
    steps: steps(state.plan),
    state,
    interrupted: 'interrupted: the partial snapshot has been removed',
    detail: { snapshot: state.plan.snapshot },
  });
  return { plan: state.plan, manifest: state.manifest! };
}

/** Takes a snapshot inside an operation that holds the cluster's lock; the steps are that operation's to journal. */
export async function takeSnapshotInside(ctx: Context, spec: ClusterSpec, opts: SnapshotApplyOptions): Promise<SnapshotManifest> {
  const state = await prepare(ctx, spec, opts);
  await refuseUnready(ctx, state);
  await runActions(ctx, steps(state.plan), state);
  return state.manifest!;
}
