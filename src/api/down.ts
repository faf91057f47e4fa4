// `down`: deletes clusters kindling made (src/apply/down/), one after another. Idempotent per cluster;
// never touches unlabelled objects. With dryRun, returns each cluster's plan and changes nothing.
import { applyDown } from '../apply/down/run-down.js';
import type { SweepResult } from '../apply/sweep.js';
import type { CommonOptions } from '../context.js';
import type { DownPlan } from '../plan/down-plan.js';
import { clusterNames } from './cluster-names.js';
import { createContext } from './create-context.js';

/** Options of `down`. */
export interface DownOptions extends CommonOptions {
  names?: readonly string[];
  /** Every cluster in the state store. */
  all?: boolean;
  /** Plan only: say what would be done, do nothing. */
  dryRun?: boolean;
}

/** What was removed for one cluster (with dryRun: nothing, and the plan). */
export interface DownResult {
  name: string;
  engine: string;
  removed: SweepResult;
  plan?: DownPlan;
}

/** Deletes the named clusters (or all) in order; stops at the first failure. */
export async function down(opts: DownOptions): Promise<DownResult[]> {
  const ctx = createContext(opts);
  const names = await clusterNames(ctx, opts, 'delete');
  const results: DownResult[] = [];
  for (const name of names) {
    const { plan, removed } = await applyDown(ctx, name, { dryRun: opts.dryRun ?? false });
    results.push({ name, engine: plan.engine, removed, ...(opts.dryRun ? { plan } : {}) });
  }
  return results;
}
