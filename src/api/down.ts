// `down`: deletes clusters kindling made (src/apply/down/), one after another. Idempotent per cluster;
// never touches unlabelled objects. With dryRun, returns each cluster's plan and changes nothing. With backup, a
// snapshot is taken first and kept (`snapshot list --all` shows it, `up --from-snapshot` brings the cluster back).
// Snapshots are never removed by `down`: only `snapshot delete` removes one.
import { applyDown } from '../apply/down/run-down.js';
import { applySnapshot } from '../apply/snapshot/run-snapshot.js';
import type { SweepResult } from '../apply/sweep.js';
import type { CommonOptions } from '../context.js';
import type { DownPlan } from '../plan/down-plan.js';
import { clusterNames } from './cluster-names.js';
import { createContext } from './create-context.js';
import { recoverBeforeUse } from '../apply/recover.js';

/** Options of `down`. */
export interface DownOptions extends CommonOptions {
  names?: readonly string[];
  /** Every cluster in the state store. */
  all?: boolean;
  /** Plan only: say what would be done, do nothing. */
  dryRun?: boolean;
  /** Take a snapshot first (named backup-<time>) and keep it after the delete. */
  backup?: boolean;
  /** Drop the cluster from the state store only; its containers, here or on another machine, stay. */
  forget?: boolean;
}

/** What was removed for one cluster (with dryRun: nothing, and the plan). */
export interface DownResult {
  name: string;
  /** The cluster's engine; `none` when there was no such cluster (nothing to delete: not an error). */
  engine: string;
  /** True when the state store had no cluster of that name (and Docker none made by kind or k3d alone). */
  absent?: boolean;
  removed: SweepResult;
  /** The snapshot --backup took (`cluster/id`). */
  backup?: string;
  /** Snapshots of the cluster kept in the state store. */
  keptSnapshots: string[];
  plan?: DownPlan;
}

/** Deletes the named clusters (or all) in order; stops at the first failure. A name with no cluster is reported absent. */
export async function down(opts: DownOptions): Promise<DownResult[]> {
  const ctx = createContext(opts);
  const names = await clusterNames(ctx, opts, 'delete');
  const results: DownResult[] = [];
  for (const name of names) {
    if (!opts.dryRun) await recoverBeforeUse(ctx, name, { pending: 'allow' });
    let backup: string | undefined;
    if (opts.backup && !opts.dryRun && !opts.forget && (await ctx.store.has(name))) {
      const taken = await applySnapshot(ctx, name, { consistent: false, reason: 'backup', timeoutMs: 5 * 60_000, waitMs: 5 * 60_000 });
      backup = `${name}/${taken.plan.snapshot}`;
    }
    const outcome = await applyDown(ctx, name, { dryRun: opts.dryRun ?? false, forget: opts.forget ?? false });
    if (!outcome) {
      results.push({ name, engine: 'none', absent: true, removed: { containers: [], networks: [], volumes: [] }, keptSnapshots: [] });
      continue;
    }
    const { plan, removed } = outcome;
    const keptSnapshots = (await ctx.store.listSnapshots(name)).map((id) => `${name}/${id}`);
    results.push({ name, engine: plan.engine, removed, ...(backup ? { backup } : {}), keptSnapshots, ...(opts.dryRun ? { plan } : {}) });
  }
  return results;
}
