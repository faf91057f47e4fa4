// Runs an operation's actions in order as listr2 tasks. If one fails (or the user interrupts), every
// action that started is rolled back in reverse order, then the error is rethrown.
import { performance } from 'node:perf_hooks';
import type { Context } from '../context.js';
import { InterruptedError } from '../errors.js';
import type { Step } from './action.js';
import { listrOptions } from './progress.js';

/** Runs `steps`, appending each completed action id to `completed` and its duration to `timings` (kept on failure too, for the journal).
 * Rolls back on failure unless `retain`. */
export async function runActions<S>(
  ctx: Context,
  steps: readonly Step<S>[],
  state: S,
  opts: {
    retain?: boolean;
    completed?: string[];
    timings?: Array<{ id: string; ms: number }>;
    /** The error's message when the user interrupts: fixed, or from the steps completed. */
    interrupted?: string | ((completed: readonly string[]) => string);
    /** Asked once a step failed: true leaves what was done as it is (an interrupted upgrade keeps its journal instead). */
    skipRollback?: () => boolean;
    /** Called after each completed step (the operation's journal in the store is updated there). */
    onStepDone?: (id: string) => Promise<void>;
    /** Called before each step starts (the test-only fault hook, fault-hook.ts). */
    beforeStep?: (id: string) => Promise<void>;
  } = {},
): Promise<string[]> {
  const { Listr } = await import('listr2');
  const started: Step<S>[] = [];
  const completed = opts.completed ?? [];
  const options = await listrOptions(ctx.progress);
  const list = new Listr(
    steps.map((s) => ({
      title: s.title,
      task: async () => {
        await opts.beforeStep?.(s.action.id);
        if (ctx.signal?.aborted) throw new InterruptedError(`interrupted before: ${s.title}`);
        started.push(s);
        const begun = performance.now();
        await s.action.run(ctx, state);
        completed.push(s.action.id);
        opts.timings?.push({ id: s.action.id, ms: Math.round(performance.now() - begun) });
        await opts.onStepDone?.(s.action.id);
      },
    })),
    options,
  );
  try {
    await list.run();
    return completed;
  } catch (err) {
    // An interrupted engine exits non-zero too: report the interruption, not the engine.
    const failure =
      ctx.signal?.aborted && !(err instanceof InterruptedError)
        ? new InterruptedError(interruptedMessage(opts.interrupted, completed))
        : err;
    if (!opts.retain && !opts.skipRollback?.()) await rollback(ctx, started.reverse(), state);
    throw failure;
  }
}

function interruptedMessage(said: string | ((completed: readonly string[]) => string) | undefined, completed: readonly string[]): string {
  if (typeof said === 'function') return said(completed);
  return said ?? 'interrupted: what was created has been rolled back';
}

async function rollback<S>(ctx: Context, steps: readonly Step<S>[], state: S): Promise<void> {
  for (const { title, action } of steps) {
    if (!action.rollback) continue;
    try {
      ctx.logger.info(`rolling back: ${title}`);
      await action.rollback(ctx, state);
    } catch (err) {
      ctx.logger.warn(`rollback of "${title}" failed: ${(err as Error).message}`);
    }
  }
}
