// `scale`: changes a cluster's number of workers (src/apply/scale/). k3d adds and removes agents in place,
// draining a node before it goes; kind is refused with the way out. With dryRun, returns the plan only.
import { applyScale } from '../apply/scale/run-scale.js';
import type { CommonOptions } from '../context.js';
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
  plan?: ScalePlan;
}

/** Scales one cluster to `workers` workers. */
export async function scale(opts: ScaleOptions): Promise<ScaleResult> {
  const ctx = createContext(opts);
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
