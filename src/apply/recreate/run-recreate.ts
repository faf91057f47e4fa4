// Applies a recreate (upgrade, snapshot restore, kind scale) to one cluster: the plan from the stored spec, the
// change and what runs now; then its steps under the cluster's lock, journalled (run-operation.ts). A failure
// after the delete brings the old cluster back from the snapshot; the error then says so, with the failed step.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { KindlingError, ExitCode } from '../../errors.js';
import { MERGE_RECORD, type MergeRecord } from '../../kubeconfig/user-kubeconfig.js';
import { contextOf, type ClusterSpec } from '../../model/cluster-spec.js';
import type { ClusterStatus } from '../../model/cluster-status.js';
import { NODES_RECORD, type StoppedNodes } from '../../model/node-record.js';
import { defaultSnapshotId } from '../../model/snapshot.js';
import { planFromSpec } from '../../plan/plan.js';
import { planRecreate, type RecreatePlan, type RecreateReason } from '../../plan/recreate-plan.js';
import type { StageResult } from '../../readiness/wait.js';
import { observeCluster } from '../../status/observe.js';
import { openJournal } from '../journal.js';
import { refuseMissing } from '../missing-cluster.js';
import { nodeContainers } from '../node-containers.js';
import { runOperation } from '../run-operation.js';
import type { RestoredSnapshot } from '../snapshot/restore-into.js';
import { storedCluster } from '../stored-cluster.js';
import type { RecreateState } from './recreate-state.js';
import { RECREATE_STEPS } from './steps.js';

/** What to recreate and how. */
export interface RecreateApplyOptions {
  reason: RecreateReason;
  /** The spec wanted, from the stored one. */
  wanted: (current: ClusterSpec) => ClusterSpec;
  /** The snapshot to restore (snapshot restore); else one is taken first, with this id or a dated one. */
  snapshot?: string;
  takeAs?: string;
  /** Time limit of each engine create. */
  timeoutMs: number;
  /** The readiness wait before the restore (always waited for; default 5 minutes). */
  waitMs: number;
  dryRun?: boolean;
  /** Continuing or undoing an interrupted recreate: the cluster may be gone from Docker (deleted by it). */
  allowMissing?: boolean;
  /** The API server address to keep when none is in use (the interrupted recreate's). */
  apiServer?: string;
}

/** What a recreate did. */
export interface RecreateOutcome {
  plan: RecreatePlan;
  status?: ClusterStatus;
  readiness?: StageResult[];
  restored?: RestoredSnapshot;
}

const DEFAULT_WAIT_MS = 5 * 60_000;

/** The API port in use (or recorded at the stop), so that the new cluster serves at the same address. */
function portInUse(status: ClusterStatus, recorded: string | undefined): { port: number; url?: string } {
  const url = status.apiServer?.url ?? recorded;
  const port = url ? Number(new URL(url).port) : 0;
  return Number.isInteger(port) && port > 0 ? { port, ...(url ? { url } : {}) } : { port: 0 };
}

/** Plans the recreate of one cluster the store knows. */
export async function planRecreateOf(
  ctx: Context,
  name: string,
  opts: RecreateApplyOptions,
): Promise<{ plan: RecreatePlan; stored: Awaited<ReturnType<typeof storedCluster>>; status: ClusterStatus; apiServer?: string }> {
  const stored = await storedCluster(ctx, name);
  const current = stored.spec;
  const wanted = opts.wanted(current);
  const status = await observeCluster(ctx, name, current.engine, undefined, { context: contextOf(current) });
  if (!opts.allowMissing) refuseMissing(status, opts.reason);
  const recorded = (await ctx.store.readRecord<StoppedNodes>(name, NODES_RECORD))?.apiServer ?? opts.apiServer;
  const { port, url } = portInUse(status, recorded);
  const pinned = (spec: ClusterSpec): ClusterSpec =>
    spec.apiServer.port === 0 && port > 0 ? { ...spec, apiServer: { ...spec.apiServer, port } } : spec;
  const merge = (await ctx.store.readRecord<MergeRecord>(name, MERGE_RECORD)) !== undefined;
  const waitMs = opts.waitMs > 0 ? opts.waitMs : DEFAULT_WAIT_MS;
  const snapshot =
    opts.snapshot !== undefined
      ? { id: opts.snapshot, taken: false }
      : {
          id:
            opts.takeAs ??
            defaultSnapshotId(ctx.now(), opts.reason === 'restore' ? 'user' : opts.reason, await ctx.store.listSnapshots(name)),
          taken: true,
        };
  const plan = planRecreate({
    reason: opts.reason,
    current,
    wanted,
    create: planFromSpec(pinned(wanted), { merge }, waitMs),
    rollback: planFromSpec(pinned(current), { merge }, waitMs),
    snapshot,
    containers: (await nodeContainers(ctx, current)).map((n) => n.container.name).sort(),
    ...(url ? { apiServer: url } : {}),
  });
  return { plan, stored, status, ...(url ? { apiServer: url } : {}) };
}

function stepTitle(plan: RecreatePlan, completed: readonly string[]): string {
  return plan.actions[completed.length]?.title ?? plan.actions.at(-1)!.title;
}

/** Recreates one cluster; with dryRun, only plans it. */
export async function applyRecreate(ctx: Context, name: string, opts: RecreateApplyOptions): Promise<RecreateOutcome> {
  const { plan, stored, apiServer } = await planRecreateOf(ctx, name, opts);
  if (opts.dryRun) return { plan };
  const state: RecreateState = {
    plan: plan.create,
    operationId: randomUUID(),
    previous: stored,
    timeoutMs: opts.timeoutMs,
    waitMs: plan.create.readiness.waitMs,
    recreate: plan,
    stored,
    journal: openJournal(ctx, plan.reason === 'restore' ? 'snapshot-restore' : plan.reason, randomUUID(), plan.spec),
  };
  const steps = plan.actions.map((a) => ({ title: a.title, action: RECREATE_STEPS[a.id] }));
  try {
    await runOperation(ctx, {
      cluster: name,
      steps,
      state,
      interrupted: (done) => interruptedMessage(plan, done),
      ...(plan.reason === 'upgrade' ? { keepIfInterrupted: (done: readonly string[]) => done.includes('delete-cluster') } : {}),
      detail: {
        recreate: {
          wanted: plan.spec,
          snapshot: plan.snapshot.id,
          snapshotTaken: plan.snapshot.taken,
          ...(apiServer ? { apiServer } : {}),
        },
      },
    });
  } catch (err) {
    throw explained(err, plan, state);
  }
  return {
    plan,
    ...(state.status ? { status: state.status } : {}),
    ...(state.readiness ? { readiness: state.readiness } : {}),
    ...(state.restored ? { restored: state.restored } : {}),
  };
}

/** What an interrupted recreate says: the old cluster untouched, brought back, or (upgrade) left for --resume/--rollback. */
function interruptedMessage(plan: RecreatePlan, done: readonly string[]): string {
  const { name } = plan;
  const snapshot = `${name}/${plan.snapshot.id}`;
  if (!done.includes('delete-cluster')) return `interrupted before the old cluster was deleted: "${name}" runs as before`;
  if (plan.reason === 'upgrade') {
    return `interrupted after the old cluster was deleted: \`kindling upgrade ${name} --resume\` finishes the upgrade, \`kindling upgrade ${name} --rollback\` brings the old version back (snapshot ${snapshot})`;
  }
  return `interrupted: "${name}" was brought back as it was where it had been deleted; its snapshot ${snapshot} is kept`;
}

/** The step's error, said with what happened after it: rolled back to the old version, or not. */
function explained(err: unknown, plan: RecreatePlan, state: RecreateState): unknown {
  if (state.rolledBackTo === undefined && state.rollbackFailed === undefined) return err;
  const e = err instanceof KindlingError ? err : undefined;
  const where = `${plan.reason} of "${plan.name}" failed at step "${stepTitle(plan, state.journal.steps)}": ${(err as Error).message}`;
  const snapshot = `${plan.name}/${plan.snapshot.id}`;
  const after =
    state.rolledBackTo !== undefined
      ? `rolled back to ${state.rolledBackTo} from snapshot ${snapshot}: the cluster runs as before`
      : `bringing the old cluster back failed too (${state.rollbackFailed}); snapshot ${snapshot} holds its objects and data: \`kindling snapshot restore ${plan.name} ${plan.snapshot.id}\``;
  return new KindlingError(e?.code ?? 'unexpected', e?.exitCode ?? ExitCode.unexpected, `${where}\n${after}`, {
    ...(e?.hint ? { hint: e.hint } : {}),
    details: { ...(e?.details ?? {}), rolledBackTo: state.rolledBackTo, failedStep: plan.actions[state.journal.steps.length]?.id },
    cause: err,
  });
}
