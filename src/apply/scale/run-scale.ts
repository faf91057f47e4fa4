// Applies `scale` to one cluster: the workers that exist, the plan, then its steps under the cluster's lock,
// rolled back on failure and journalled (run-operation.ts). The same count changes nothing.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors.js';
import { planScale, type ScalePlan } from '../../plan/scale-plan.js';
import type { StageResult } from '../../readiness/wait.js';
import { openJournal } from '../journal.js';
import { nodeContainers } from '../node-containers.js';
import { runOperation } from '../run-operation.js';
import { storedCluster } from '../stored-cluster.js';
import type { ScaleState } from './scale-state.js';
import { SCALE_STEPS } from './steps.js';

/** How to scale. */
export interface ScaleApplyOptions {
  workers: number;
  waitMs: number;
  timeoutMs: number;
  dryRun?: boolean;
}

/** What `scale` did (or would do); `unchanged` when the cluster had that many workers. */
export interface ScaleOutcome {
  plan: ScalePlan;
  /** Containers added. */
  added: string[];
  readiness?: StageResult[];
  unchanged: boolean;
}

/** Scales one cluster the store knows. */
export async function applyScale(ctx: Context, name: string, opts: ScaleApplyOptions): Promise<ScaleOutcome> {
  const stored = await storedCluster(ctx, name);
  const nodes = await nodeContainers(ctx, stored.spec);
  const workers = nodes.filter((n) => n.role === 'agent' || n.role === 'worker');
  const plan = planScale(
    stored.spec,
    workers.map((n) => n.container.name),
    opts.workers,
    opts.waitMs,
  );
  if (opts.dryRun || plan.actions.length === 0) return { plan, added: [], unchanged: plan.actions.length === 0 };
  const stopped = nodes.filter((n) => n.container.state !== 'running').map((n) => n.container.name);
  if (stopped.length > 0) {
    throw new ConflictError(
      'not-running',
      `cannot scale "${name}" while nodes are stopped (${stopped.join(', ')})`,
      `run \`kindling start ${name}\` first`,
    );
  }
  const state: ScaleState = {
    plan,
    generation: stored.generation,
    timeoutMs: opts.timeoutMs,
    added: [],
    journal: openJournal(ctx, 'scale', randomUUID(), plan.spec),
  };
  const steps = plan.actions.map((a) => ({ title: a.title, action: SCALE_STEPS[a.id] }));
  await runOperation(ctx, {
    cluster: name,
    steps,
    state,
    interrupted: `interrupted: what scale added has been removed; run \`kindling scale ${name}\` again`,
  });
  return { plan, added: state.added, ...(state.readiness ? { readiness: state.readiness } : {}), unchanged: false };
}
