// Runs one operation on one cluster the way every operation runs: under the cluster's lock, its steps as
// listr2 tasks (rolled back in reverse on failure or Ctrl-C, unless retain), then its history entry, then
// the lock is released. While it runs, the store holds its journal (the `operation` record: the steps intended,
// those done, this process and the engine child it waits for), so that an operation killed outright (SIGKILL, the
// OOM killer) is seen, and undone or finished, by the next command (recover.ts).
import type { Context } from '../context.js';
import type { Step } from './action.js';
import { faultHook } from './fault-hook.js';
import { closeJournal, type OperationState } from './journal.js';
import { clearOperation, type OperationDetail, type RunningOperation, writeOperation } from './operation-record.js';
import { runActions } from './run-actions.js';

const RENEW_EVERY_MS = 10 * 60_000;

/** What runOperation needs. */
export interface OperationRun<S extends OperationState> {
  cluster: string;
  steps: readonly Step<S>[];
  state: S;
  /** Keep what was done when a step fails (no rollback). */
  retain?: boolean;
  /** What an interruption means for this operation (e.g. "run down again to finish"), fixed or from the steps done. */
  interrupted?: string | ((completed: readonly string[]) => string);
  /**
   * True (given the steps done) when an interruption leaves the operation for the next command instead of rolling
   * it back: nothing is undone and the journal stays, as after a SIGKILL (an upgrade past its delete).
   */
  keepIfInterrupted?: (completed: readonly string[]) => boolean;
  /** Journalled with the steps: what the next command needs to continue or clean up after a kill. */
  detail?: OperationDetail;
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
  const record: RunningOperation = {
    op: journal.op,
    operationId: journal.operationId,
    startedAt: journal.startedAt,
    host: ctx.host,
    pid: process.pid,
    intended: run.steps.map((s) => s.action.id),
    completed: journal.steps,
    ...(run.retain ? { retain: true } : {}),
    ...run.detail,
  };
  // Journal writes are chained, so that the last one written is the last one made; once a step has removed the
  // cluster from the store (down's forget-cluster), nothing is written back.
  let writing = writeOperation(ctx, run.cluster, record);
  const save = () => {
    writing = writing
      .then(async () => {
        if (await ctx.store.has(run.cluster)) await writeOperation(ctx, run.cluster, record);
      })
      .catch((err: Error) => ctx.logger.warn(err.message));
    return writing;
  };
  const unwatch = ctx.watchProcesses(({ pid, running }) => {
    if (running) record.enginePid = pid;
    else if (record.enginePid === pid) delete record.enginePid;
    void save();
  });
  const fault = faultHook(ctx, journal.op);
  const kept = () => ctx.signal?.aborted === true && run.keepIfInterrupted?.(journal.steps) === true;
  try {
    await writing;
    await runActions(ctx, run.steps, run.state, {
      retain: run.retain ?? false,
      completed: journal.steps,
      ...(journal.timings ? { timings: journal.timings } : {}),
      ...(run.interrupted ? { interrupted: run.interrupted } : {}),
      onStepDone: async () => void (await save()),
      ...(fault ? { beforeStep: fault } : {}),
      skipRollback: () => kept(),
    });
  } catch (err) {
    const keep = kept();
    const rolledBack = !keep && !run.retain && run.steps.some((s) => s.action.rollback);
    clearInterval(renewal);
    unwatch();
    await writing;
    // Kept: the journal names this process, which exits now, so the next command sees it interrupted (recover.ts).
    if (!keep) await clearOperation(ctx, run.cluster);
    await closeJournal(ctx, run.cluster, journal, rolledBack ? 'rolled-back' : 'failed', err);
    await lock.release();
    // A cluster the store holds nothing else of (a first `up` that failed) leaves no folder behind.
    if (!(await ctx.store.has(run.cluster))) await ctx.store.remove(run.cluster);
    throw err;
  }
  clearInterval(renewal);
  unwatch();
  await writing;
  await clearOperation(ctx, run.cluster);
  await closeJournal(ctx, run.cluster, journal, 'succeeded');
  await lock.release();
}
