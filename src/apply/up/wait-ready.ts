// Waits, through the Kubernetes API, until the cluster is ready stage by stage (API, nodes, DNS), logging
// each stage's time. A timeout fails `up` (exit 7, naming the stage) and the cluster is rolled back.
import { readFile } from 'node:fs/promises';
import { readinessStages } from '../../readiness/stages.js';
import { waitForReadiness } from '../../readiness/wait.js';
import type { Action } from '../action.js';
import { waitClock } from './cluster-api.js';
import type { UpState } from './up-state.js';

/** The wait-ready action. */
export const waitReady: Action<UpState> = {
  id: 'wait-ready',
  async run(ctx, state) {
    const api = await ctx.kubeApi(await readFile(state.kubeconfigPath!, 'utf8'));
    state.readiness = await waitForReadiness(api, readinessStages(state.plan.spec), {
      timeoutMs: state.plan.readiness.waitMs,
      clock: waitClock(ctx),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      onStage: (r) => ctx.logger.info(`ready: ${r.title} (${(r.elapsedMs / 1000).toFixed(1)}s)`),
    });
  },
};
