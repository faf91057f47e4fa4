// Applies `stop` to one cluster: its plan from the stored spec, then the plan's steps under the cluster's
// lock and journalled (run-operation.ts). Stopping a stopped cluster does nothing. With dryRun, only the plan.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { contextOf } from '../../model/cluster-spec.js';
import type { ClusterStatus } from '../../model/cluster-status.js';
import { planStop, type PowerPlan, type StopActionId } from '../../plan/stop-plan.js';
import { observeCluster } from '../../status/observe.js';
import { openJournal } from '../journal.js';
import { refuseMissing } from '../missing-cluster.js';
import { runOperation } from '../run-operation.js';
import { storedCluster } from '../stored-cluster.js';
import { STOP_STEPS } from './steps.js';
import type { StopState } from './stop-state.js';

/** What `stop` did (or would do) to one cluster; `unchanged` when it was stopped already. */
export interface StopOutcome {
  plan: PowerPlan<StopActionId>;
  status?: ClusterStatus;
  unchanged: boolean;
}

/** Stops one cluster the store knows. */
export async function applyStop(ctx: Context, name: string, opts: { dryRun?: boolean } = {}): Promise<StopOutcome> {
  const { spec } = await storedCluster(ctx, name);
  const plan = planStop(spec);
  if (opts.dryRun) return { plan, unchanged: false };
  const now = await observeCluster(ctx, name, spec.engine, undefined, { context: contextOf(spec) });
  refuseMissing(now, 'stop');
  if (now.phase === 'stopped') return { plan, status: now, unchanged: true };
  const state: StopState = { spec, nodes: [], journal: openJournal(ctx, 'stop', randomUUID()) };
  const steps = plan.actions.map((a) => ({ title: a.title, action: STOP_STEPS[a.id] }));
  await runOperation(ctx, { cluster: name, steps, state, interrupted: `interrupted: run \`kindling stop ${name}\` again to finish` });
  return { plan, ...(state.status ? { status: state.status } : {}), unchanged: false };
}
