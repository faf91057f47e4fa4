// `scale`: changes a cluster's number of workers. k3d adds and removes agents in place (src/apply/scale/),
// draining a node before it goes; kind cannot, so its cluster is recreated at the new size from a snapshot
// (src/apply/recreate/), objects and data kept. With dryRun, returns the plan only.
import { applyRecreate, planRecreateOf, type RecreateApplyOptions } from '../apply/recreate/run-recreate.js';
import { applyScale } from '../apply/scale/run-scale.js';
import { storedCluster } from '../apply/stored-cluster.js';
import { InvalidInputError } from '../errors.js';
import type { RecreatePlan } from '../plan/recreate-plan.js';
import type { CommonOptions, Context } from '../context.js';
import type { ScalePlan } from '../plan/scale-plan.js';
import type { StageResult } from '../readiness/wait.js';
import { createContext } from './create-context.js';

/** Options of `scale`. */
export interface ScaleOptions extends CommonOptions {
  name: string;
  workers: number;
  /** Wait this long for every node to be Ready after adding (default 5 minutes; 0: do not wait). */
  waitMs?: number;
  /** Time limit for each node the engine adds (default 5 minutes). */
  timeoutMs?: number;
  dryRun?: boolean;
}

/** What `scale` did. */
export interface ScaleResult {
  name: string;
  engine: string;
  from: number;
  to: number;
  added: string[];
  removed: string[];
  unchanged: boolean;
  readiness?: StageResult[];
  /** kind: the cluster was recreated at the new size from this snapshot (`cluster/id`). */
  recreatedFrom?: string;
  plan?: ScalePlan | RecreatePlan;
}

/** kind's way: a recreate at the new size. */
async function scaleKind(ctx: Context, opts: ScaleOptions, from: number): Promise<ScaleResult> {
  const recreate: RecreateApplyOptions = {
    reason: 'scale',
    wanted: (current) => ({ ...current, nodes: { ...current.nodes, workers: opts.workers } }),
    timeoutMs: opts.timeoutMs ?? 5 * 60_000,
    waitMs: opts.waitMs ?? 5 * 60_000,
  };
  const base = { name: opts.name, engine: 'kind', from, to: opts.workers, added: [] as string[], removed: [] as string[] };
  if (from === opts.workers) return { ...base, unchanged: true };
  if (opts.dryRun) {
    const { plan } = await planRecreateOf(ctx, opts.name, recreate);
    return { ...base, unchanged: false, recreatedFrom: `${plan.name}/${plan.snapshot.id}`, plan };
  }
  const outcome = await applyRecreate(ctx, opts.name, recreate);
  const before = new Set(outcome.plan.recreated);
  const after = (outcome.status?.nodes ?? []).map((n) => n.name);
  return {
    ...base,
    added: after.filter((n) => !before.has(n)),
    removed: [...before].filter((n) => !after.includes(n)),
    unchanged: false,
    ...(outcome.readiness ? { readiness: outcome.readiness } : {}),
    recreatedFrom: `${outcome.plan.name}/${outcome.plan.snapshot.id}`,
  };
}

/** Scales one cluster to `workers` workers. */
export async function scale(opts: ScaleOptions): Promise<ScaleResult> {
  const ctx = createContext(opts);
  const { spec } = await storedCluster(ctx, opts.name);
  if (!Number.isInteger(opts.workers) || opts.workers < 0 || opts.workers > 50)
    throw new InvalidInputError(`--workers ${opts.workers} must be a whole number from 0 to 50`);
  if (spec.engine === 'kind') return scaleKind(ctx, opts, spec.nodes.workers);
  const r = await applyScale(ctx, opts.name, {
    workers: opts.workers,
    waitMs: opts.waitMs ?? 5 * 60_000,
    timeoutMs: opts.timeoutMs ?? 5 * 60_000,
    dryRun: opts.dryRun ?? false,
  });
  const { plan } = r;
  return {
    name: plan.name,
    engine: plan.engine,
    from: plan.from,
    to: plan.to,
    added: r.added,
    removed: r.unchanged || opts.dryRun ? [] : plan.remove,
    unchanged: r.unchanged,
    ...(r.readiness ? { readiness: r.readiness } : {}),
    ...(opts.dryRun ? { plan } : {}),
  };
}
