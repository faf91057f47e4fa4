// Applies an up plan: nothing when the identical cluster runs; else the plan's steps under the cluster's
// lock, rolled back on failure (unless retain) and journalled, as every operation is (run-operation.ts).
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import type { Plan } from '../../plan/plan.js';
import { openJournal } from '../journal.js';
import { runOperation } from '../run-operation.js';
import { runningTwin } from './existing-cluster.js';
import { UP_STEPS } from './steps.js';
import type { UpState } from './up-state.js';

/** How to apply: time limit of the engine's create, keep on failure, local add-on manifests. */
export interface UpApplyOptions {
  timeoutMs: number;
  retain: boolean;
  addonsFrom?: string;
}

/** The finished state, and whether the cluster was already there (`unchanged`: nothing was done). */
export async function applyUp(ctx: Context, plan: Plan, opts: UpApplyOptions): Promise<{ state: UpState; unchanged: boolean }> {
  const { spec } = plan;
  const operationId = randomUUID();
  const previous = await ctx.store.readSpec(spec.name);
  const state: UpState = {
    plan,
    operationId,
    previous,
    timeoutMs: opts.timeoutMs,
    journal: openJournal(ctx, 'up', operationId, spec),
    ...(opts.addonsFrom ? { addonsFrom: opts.addonsFrom } : {}),
  };
  const twin = await runningTwin(ctx, plan, previous);
  if (twin) {
    state.status = twin;
    state.kubeconfigPath = (await ctx.store.kubeconfigPath(spec.name)) ?? '';
    return { state, unchanged: true };
  }
  const steps = plan.actions.map((a) => ({ title: a.title, action: UP_STEPS[a.id] }));
  await runOperation(ctx, { cluster: spec.name, steps, state, retain: opts.retain });
  return { state, unchanged: false };
}
