// `stop`: stops clusters kindling made, keeping everything (src/apply/stop/); `start` brings them back.
// Idempotent per cluster. With dryRun, returns each cluster's plan and changes nothing.
import { applyStop } from '../apply/stop/run-stop.js';
import type { CommonOptions } from '../context.js';
import type { Phase } from '../model/cluster-status.js';
import type { PowerPlan, StopActionId } from '../plan/stop-plan.js';
import { clusterNames } from './cluster-names.js';
import { createContext } from './create-context.js';
import { recoverBeforeUse } from '../apply/recover.js';

/** Options of `stop`. */
export interface StopOptions extends CommonOptions {
  names?: readonly string[];
  /** Every cluster in the state store. */
  all?: boolean;
  /** Plan only: say what would be done, do nothing. */
  dryRun?: boolean;
}

/** What `stop` did to one cluster. */
export interface StopResult {
  name: string;
  engine: string;
  /** The phase after the stop (absent with dryRun). */
  phase?: Phase;
  /** It was stopped already: nothing was done. */
  unchanged: boolean;
  plan?: PowerPlan<StopActionId>;
}

/** Stops the named clusters (or all) in order; stops at the first failure. */
export async function stop(opts: StopOptions): Promise<StopResult[]> {
  const ctx = createContext(opts);
  const names = await clusterNames(ctx, opts, 'stop');
  const results: StopResult[] = [];
  for (const name of names) {
    if (!opts.dryRun) await recoverBeforeUse(ctx, name);
    const r = await applyStop(ctx, name, { dryRun: opts.dryRun ?? false });
    results.push({
      name,
      engine: r.plan.engine,
      ...(r.status ? { phase: r.status.phase } : {}),
      unchanged: r.unchanged,
      ...(opts.dryRun ? { plan: r.plan } : {}),
    });
  }
  return results;
}
