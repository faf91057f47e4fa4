import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/api/create-context.js';
import type { Context } from '../../../src/context.js';
import type { Logger } from '../../../src/logger.js';
import type { Step } from '../../../src/apply/action.js';
import { runActions } from '../../../src/apply/run-actions.js';
import { InterruptedError } from '../../../src/errors.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import { FakeDocker } from '../../support/unit/fake-docker.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const dirs = tempDirs();
let log: string[];
let ctx: (signal?: AbortSignal) => Context;
beforeEach(async () => {
  const dir = await dirs.make();
  log = [];
  const logger: Logger = { debug: (m) => log.push(`debug ${m}`), info: (m) => log.push(`info ${m}`), warn: (m) => log.push(`warn ${m}`) };
  ctx = (signal) =>
    createContext({
      state: dir,
      env: { HOME: dir },
      docker: new FakeDocker(),
      runner: recordedRunner([]),
      logger,
      ...(signal ? { signal } : {}),
    });
});
afterEach(() => dirs.cleanup());

type Trace = string[];

function step(id: string, opts: { fail?: Error; rollbackFails?: boolean; noRollback?: boolean; onRun?: () => void } = {}): Step<Trace> {
  return {
    title: `Step ${id}`,
    action: {
      id,
      async run(_ctx, trace) {
        trace.push(`run ${id}`);
        opts.onRun?.();
        if (opts.fail) throw opts.fail;
      },
      ...(opts.noRollback
        ? {}
        : {
            async rollback(_ctx: Context, trace: Trace) {
              trace.push(`rollback ${id}`);
              if (opts.rollbackFails) throw new Error(`cannot undo ${id}`);
            },
          }),
    },
  };
}

describe('runActions', () => {
  it('runs the steps in order and returns the ids completed', async () => {
    const trace: Trace = [];
    expect(await runActions(ctx(), [step('a'), step('b'), step('c')], trace)).toEqual(['a', 'b', 'c']);
    expect(trace).toEqual(['run a', 'run b', 'run c']);
  });

  it('on failure, rolls back every started step in reverse (the failing one included), then rethrows the error', async () => {
    const trace: Trace = [];
    const boom = new Error('boom');
    await expect(runActions(ctx(), [step('a'), step('b', { noRollback: true }), step('c', { fail: boom }), step('d')], trace)).rejects.toBe(
      boom,
    );
    expect(trace).toEqual(['run a', 'run b', 'run c', 'rollback c', 'rollback a']);
    expect(log).toEqual(['info rolling back: Step c', 'info rolling back: Step a']);
  });

  it('a rollback that fails is logged and the others still run', async () => {
    const trace: Trace = [];
    await expect(
      runActions(ctx(), [step('a'), step('b', { rollbackFails: true }), step('c', { fail: new Error('boom') })], trace),
    ).rejects.toThrow('boom');
    expect(trace).toEqual(['run a', 'run b', 'run c', 'rollback c', 'rollback b', 'rollback a']);
    expect(log).toContain('warn rollback of "Step b" failed: cannot undo b');
  });

  it('retain: nothing is rolled back', async () => {
    const trace: Trace = [];
    await expect(runActions(ctx(), [step('a'), step('b', { fail: new Error('boom') })], trace, { retain: true })).rejects.toThrow('boom');
    expect(trace).toEqual(['run a', 'run b']);
  });

  it('an abort before a step stops there with InterruptedError naming it, and rolls back what ran', async () => {
    const abort = new AbortController();
    const trace: Trace = [];
    const err = await runActions(ctx(abort.signal), [step('a', { onRun: () => abort.abort() }), step('b')], trace).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as Error).message).toBe('interrupted before: Step b');
    expect(trace).toEqual(['run a', 'rollback a']);
  });

  it('a step failing because of the abort is reported as the interruption', async () => {
    const abort = new AbortController();
    const trace: Trace = [];
    const err = await runActions(
      ctx(abort.signal),
      [step('a', { onRun: () => abort.abort(), fail: new Error('engine killed') })],
      trace,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as Error).message).toBe('interrupted: what was created has been rolled back');
    expect(trace).toEqual(['run a', 'rollback a']);
  });
});

describe('runActions: timings', () => {
  it('records how long each completed step took, in order; a failed step has none', async () => {
    const timings: Array<{ id: string; ms: number }> = [];
    const trace: Trace = [];
    await runActions(ctx(), [step('a'), step('b', { fail: new Error('boom') }), step('c')], trace, { timings }).catch(() => undefined);
    expect(timings.map((t) => t.id)).toEqual(['a']);
    expect(timings[0]!.ms).toBeGreaterThanOrEqual(0);
  });
});
