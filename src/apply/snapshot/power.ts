// Stop and start run inside other operations (a consistent snapshot, a backup) that hold the cluster's lock
// already: the same steps as `kindling stop` and `kindling start`, without a lock or a history entry of their own.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import { NODES_RECORD, type StoppedNodes } from '../../model/node-record.js';
import { planStart, planStop } from '../../plan/stop-plan.js';
import type { StageResult } from '../../readiness/wait.js';
import { openJournal } from '../journal.js';
import { runActions } from '../run-actions.js';
import { START_STEPS } from '../start/steps.js';
import type { StartState } from '../start/start-state.js';
import { STOP_STEPS } from '../stop/steps.js';
import type { StopState } from '../stop/stop-state.js';

/** Stops the cluster with stop's steps. */
export async function stopInside(ctx: Context, spec: ClusterSpec): Promise<void> {
  const state: StopState = { spec, nodes: [], journal: openJournal(ctx, 'stop', randomUUID()) };
  await runActions(
    ctx,
    planStop(spec).actions.map((a) => ({ title: a.title, action: STOP_STEPS[a.id] })),
    state,
  );
}

/** Starts the cluster with start's steps, waiting up to `waitMs` for readiness. */
export async function startInside(ctx: Context, spec: ClusterSpec, timeoutMs: number, waitMs: number): Promise<StageResult[]> {
  const plan = planStart(spec, waitMs);
  const state: StartState = {
    spec,
    plan,
    timeoutMs,
    waitMs,
    apiServerBefore: (await ctx.store.readRecord<StoppedNodes>(spec.name, NODES_RECORD))?.apiServer,
    journal: openJournal(ctx, 'start', randomUUID()),
  };
  await runActions(
    ctx,
    plan.actions.map((a) => ({ title: a.title, action: START_STEPS[a.id] })),
    state,
  );
  return state.readiness ?? [];
}
