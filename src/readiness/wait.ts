// Waits for readiness stage by stage, polling each until it is done, within one overall time limit.
// Reports each stage's own elapsed time; on timeout names the stage and what it last saw.
import { TimedOutError } from '../errors.js';
import type { KubeApi } from '../runtime/kube-api.js';
import type { Stage } from './stages.js';

/** A finished stage and how long it took. */
export interface StageResult {
  id: Stage['id'];
  title: string;
  elapsedMs: number;
  saw: string;
}

/** The clock and the pause between polls, injectable for tests. */
export interface WaitClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Options of waitForReadiness. */
export interface WaitOptions {
  timeoutMs: number;
  pollMs?: number;
  clock: WaitClock;
  signal?: AbortSignal;
  onStage?: (result: StageResult) => void;
}

/** Runs the stages in order; resolves with their timings or throws TimedOutError (exit 7). */
export async function waitForReadiness(api: KubeApi, stages: readonly Stage[], opts: WaitOptions): Promise<StageResult[]> {
  const { clock } = opts;
  const deadline = clock.now() + opts.timeoutMs;
  const results: StageResult[] = [];
  for (const stage of stages) {
    const started = clock.now();
    let saw = 'no answer yet';
    for (;;) {
      if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('aborted');
      try {
        const o = await stage.check(api);
        saw = o.saw;
        if (o.done) break;
      } catch (err) {
        saw = (err as Error).message.split('\n')[0] ?? String(err);
      }
      if (clock.now() >= deadline) {
        const waited = Math.round((clock.now() - started) / 1000);
        throw new TimedOutError(
          stage.id,
          `timed out waiting for stage "${stage.id}" (${stage.title}) after ${waited}s; last saw: ${saw}`,
          'look at the node containers (`docker logs`), or give it longer with --wait',
        );
      }
      await clock.sleep(Math.min(opts.pollMs ?? 1_000, Math.max(0, deadline - clock.now())));
    }
    const result = { id: stage.id, title: stage.title, elapsedMs: clock.now() - started, saw };
    results.push(result);
    opts.onStage?.(result);
  }
  return results;
}
