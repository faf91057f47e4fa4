// The Kubernetes API of the cluster `up` is making, for the actions that use it: one clock for every wait,
// and a client that is returned only once the API server answers.
import { readFile } from 'node:fs/promises';
import type { Context } from '../../context.js';
import { readinessStages } from '../../readiness/stages.js';
import { waitForReadiness } from '../../readiness/wait.js';
import { waitClock } from '../wait-until-ready.js';
import type { KubeApi } from '../../runtime/kube-api.js';
import type { UpState } from './up-state.js';

/** How long an action waits for the API server to answer before it talks to it. */
const API_WAIT_MS = 120_000;

/** A client for the cluster's API once its server answers (up to two minutes; the context's signal stops the wait). */
export async function answeringClusterApi(ctx: Context, state: UpState): Promise<KubeApi> {
  const api = await ctx.kubeApi(await readFile(state.kubeconfigPath!, 'utf8'));
  const [apiStage] = readinessStages(state.plan.spec);
  await waitForReadiness(api, [apiStage!], {
    timeoutMs: API_WAIT_MS,
    clock: waitClock(ctx),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  return api;
}
