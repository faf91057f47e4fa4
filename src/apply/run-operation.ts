// Runs one operation on one cluster the way every operation runs: under the cluster's lock, its steps as
// listr2 tasks (rolled back in reverse on failure or Ctrl-C, unless retain), then its history entry, then
// the lock is released. up and down use it; each new operation (stop, start, upgrade…) will too.
import type { Context } from '../context.js';
import type { Step } from './action.js';
import { closeJournal, type OperationState } from './journal.js';
import { runActions } from './run-actions.js';

const RENEW_EVERY_MS = 10 * 60_000;

/** What runOperation needs. */
export interface OperationRun<S extends OperationState> {
  cluster: string;
  steps: readonly Step<S>[];
  state: S;
  /** Keep what was done when a step fails (no rollback). */
  retain?: boolean;
  /** What an interruption means for this operation (e.g. "run down again to finish"). */
  interrupted?: string;
}

/** Takes the lock, runs the steps, journals the outcome, releases the lock; rethrows a step's error. */
export async function runOperation<S extends OperationState>(ctx: Context, run: OperationRun<S>): Promise<void> {
  const { journal } = run.state;
  const lock = await ctx.store.lock(run.cluster, journal.op, journal.operationId);
  // A long operation keeps its lock: renewed well before it expires (locks live an hour).
  const renewal = setInterval(() => {
    lock.renew().catch((err: Error) => ctx.logger.warn(err.message));
  }, RENEW_EVERY_MS);
  renewal.unref();
  try {
    await runActions(ctx, run.steps, run.state, {
      retain: run.retain ?? false,
      completed: journal.steps,
      ...(journal.timings ? { timings: journal.timings } : {}),
      ...(run.interrupted ? { interrupted: run.interrupted } : {}),
    });
  } catch (err) {
    const rolledBack = !run.retain && run.steps.some((s) => s.action.rollback);
    clearInterval(renewal);
    await closeJournal(ctx, run.cluster, journal, rolledBack ? 'rolled-back' : 'failed', err);
    await lock.release();
    // A cluster the store holds nothing else of (a first `up` that failed) leaves no folder behind.
    if (!(await ctx.store.has(run.cluster))) await ctx.store.remove(run.cluster);
    throw err;
  }
  clearInterval(renewal);
  await closeJournal(ctx, run.cluster, journal, 'succeeded');
  await lock.release();
}
