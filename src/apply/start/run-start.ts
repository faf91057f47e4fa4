// Applies `start` to one cluster: its plan from the stored spec, then the plan's steps under the cluster's
// lock and journalled (run-operation.ts). Starting a running cluster only waits for readiness.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { contextOf } from '../../model/cluster-spec.js';
import type { ClusterStatus } from '../../model/cluster-status.js';
import { NODES_RECORD, type StoppedNodes } from '../../model/node-record.js';
import { type PowerPlan, planStart, type StartActionId } from '../../plan/stop-plan.js';
import type { StageResult } from '../../readiness/wait.js';
import { observeCluster } from '../../status/observe.js';
import { openJournal } from '../journal.js';
import { refuseMissing } from '../missing-cluster.js';
import { runOperation } from '../run-operation.js';
import { storedCluster } from '../stored-cluster.js';
import { START_STEPS } from './steps.js';
import type { StartState } from './start-state.js';

/** How to start: the engine's time limit and the readiness wait (0: none). */
export interface StartApplyOptions {
  timeoutMs: number;
  waitMs: number;
  dryRun?: boolean;
}

/** What `start` did (or would do) to one cluster; `unchanged` when every node already ran. */
export interface StartOutcome {
  plan: PowerPlan<StartActionId>;
  status?: ClusterStatus;
  readiness?: StageResult[];
  unchanged: boolean;
}

/** Starts one cluster the store knows. */
export async function applyStart(ctx: Context, name: string, opts: StartApplyOptions): Promise<StartOutcome> {
  const { spec } = await storedCluster(ctx, name);
  const plan = planStart(spec, opts.waitMs);
  if (opts.dryRun) return { plan, unchanged: false };
  const now = await observeCluster(ctx, name, spec.engine, undefined, { context: contextOf(spec) });
  refuseMissing(now, 'start');
  const unchanged = now.phase === 'running';
  const before = (await ctx.store.readRecord<StoppedNodes>(name, NODES_RECORD))?.apiServer ?? now.apiServer?.url;
  const state: StartState = {
    spec,
    plan,
    timeoutMs: opts.timeoutMs,
    waitMs: opts.waitMs,
    apiServerBefore: before,
    journal: openJournal(ctx, 'start', randomUUID()),
  };
  const ids = unchanged ? plan.actions.filter((a) => a.id === 'wait-ready') : plan.actions;
  const steps = ids.map((a) => ({ title: a.title, action: START_STEPS[a.id] }));
  await runOperation(ctx, { cluster: name, steps, state, interrupted: `interrupted: run \`kindling start ${name}\` again to finish` });
  return { plan, status: state.status ?? now, ...(state.readiness ? { readiness: state.readiness } : {}), unchanged };
}
