// `prune`: removes what kindling left behind (src/apply/prune/): Docker objects of clusters the state store no
// longer holds (only those kindling labelled), the rest of interrupted creates and deletes, registries nobody
// uses, stale locks and temp files. Never an unlabelled object, a cluster made with kind or k3d directly, or a
// cluster the store holds in good health. With dryRun, says what it would remove and removes nothing.
import { applyPrune } from '../apply/prune/run-prune.js';
import type { CommonOptions } from '../context.js';
import type { PrunePlan } from '../plan/prune-facts.js';
import { realProcessTable, type ProcessTable } from '../runtime/process-table.js';
import { createContext } from './create-context.js';

/** Options of `prune`. */
export interface PruneOptions extends CommonOptions {
  /** Only these clusters' leftovers (then no temp files, and only registries one of them used). */
  names?: readonly string[];
  /** Say what would be removed; remove nothing. */
  dryRun?: boolean;
  /** The machine's processes (tests pass imaginary ones). */
  processes?: ProcessTable;
  /** How long an orphaned engine gets after SIGTERM before SIGKILL (default 10 s). */
  engineGraceMs?: number;
}

/** What prune removed (or, in a dry run, would remove), by kind; `-o json` prints it. */
export interface PruneResult {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'PruneResult';
  dryRun: boolean;
  removed: Omit<PrunePlan, 'detach' | 'notes'>;
  /** What was left alone, and what to run instead. */
  notes: string[];
}

/** Removes (or lists) kindling's leftovers. */
export async function prune(opts: PruneOptions = {}): Promise<PruneResult> {
  const ctx = createContext(opts);
  const dryRun = opts.dryRun ?? false;
  const done = await applyPrune(ctx, {
    dryRun,
    processes: opts.processes ?? realProcessTable,
    ...(opts.names && opts.names.length > 0 ? { names: opts.names } : {}),
    ...(opts.engineGraceMs !== undefined ? { engineGraceMs: opts.engineGraceMs } : {}),
  });
  const { detach: _detach, notes, ...removed } = done;
  return { apiVersion: 'kindling.dev/v1alpha1', kind: 'PruneResult', dryRun, removed, notes };
}
