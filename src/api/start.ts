// `start`: starts stopped clusters again (src/apply/start/), giving kind nodes their addresses back, and
// waits for readiness as `up --wait` does. Idempotent per cluster. With dryRun, returns each plan only.
import { applyStart } from '../apply/start/run-start.js';
import type { CommonOptions } from '../context.js';
import type { ApiEndpoint, Phase } from '../model/cluster-status.js';
import type { PowerPlan, StartActionId } from '../plan/stop-plan.js';
import type { StageResult } from '../readiness/wait.js';
import { clusterNames } from './cluster-names.js';
import { createContext } from './create-context.js';
import { recoverBeforeUse } from '../apply/recover.js';

/** Options of `start`. */
export interface StartOptions extends CommonOptions {
  names?: readonly string[];
  /** Every cluster in the state store. */
  all?: boolean;
  /** Wait this long for readiness, stage by stage (default 5 minutes; 0: do not wait). */
  waitMs?: number;
  /** Time limit of the engine's start (default 5 minutes). */
  timeoutMs?: number;
  /** Plan only: say what would be done, do nothing. */
  dryRun?: boolean;
}

/** What `start` did to one cluster. */
export interface StartResult {
  name: string;
  engine: string;
  phase?: Phase;
  apiServer?: ApiEndpoint;
  /** Each readiness stage and how long it took. */
  readiness?: StageResult[];
  /** Every node ran already: only readiness was checked. */
  unchanged: boolean;
  plan?: PowerPlan<StartActionId>;
}

/** The default readiness wait of `start`. */
export const START_WAIT_MS = 5 * 60_000;

/** Starts the named clusters (or all) in order; stops at the first failure. */
export async function start(opts: StartOptions): Promise<StartResult[]> {
  const ctx = createContext(opts);
  const names = await clusterNames(ctx, opts, 'start');
  const results: StartResult[] = [];
  for (const name of names) {
    if (!opts.dryRun) await recoverBeforeUse(ctx, name);
    const r = await applyStart(ctx, name, {
      timeoutMs: opts.timeoutMs ?? 5 * 60_000,
      waitMs: opts.waitMs ?? START_WAIT_MS,
      dryRun: opts.dryRun ?? false,
    });
    results.push({
      name,
      engine: r.plan.engine,
      ...(r.status ? { phase: r.status.phase } : {}),
      ...(r.status?.apiServer ? { apiServer: r.status.apiServer } : {}),
      ...(r.readiness ? { readiness: r.readiness } : {}),
      unchanged: r.unchanged,
      ...(opts.dryRun ? { plan: r.plan } : {}),
    });
  }
  return results;
}
