// Waits through the Kubernetes API until the cluster is ready stage by stage (API, nodes, DNS, what the
// preset adds), logging each stage's time. `up --wait` and `start` end with it; a timeout is exit 7.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from '../context.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import { readinessStages } from '../readiness/stages.js';
import { type StageResult, type WaitClock, waitForReadiness } from '../readiness/wait.js';

/** The clock readiness waits use: the context's time, real sleeps. */
export function waitClock(ctx: Context): WaitClock {
  return { now: () => ctx.now().getTime(), sleep: (ms) => sleep(ms) };
}

/** Each stage's result, once all are done within `waitMs`; TimedOutError naming the stage otherwise. */
export async function waitUntilReady(ctx: Context, spec: ClusterSpec, kubeconfigPath: string, waitMs: number): Promise<StageResult[]> {
  const api = await ctx.kubeApi(await readFile(kubeconfigPath, 'utf8'));
  return waitForReadiness(api, readinessStages(spec), {
    timeoutMs: waitMs,
    clock: waitClock(ctx),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    onStage: (r) => ctx.logger.info(`ready: ${r.title} (${(r.elapsedMs / 1000).toFixed(1)}s)`),
  });
}
