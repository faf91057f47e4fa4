// `start` ends as `up --wait` does: the readiness stages through the Kubernetes API, each one timed.
import type { Action } from '../action.js';
import { waitUntilReady } from '../wait-until-ready.js';
import type { StartState } from './start-state.js';

/** The wait-ready step of start. */
export const waitReady: Action<StartState> = {
  id: 'wait-ready',
  async run(ctx, state) {
    const kubeconfig = await ctx.store.kubeconfigPath(state.spec.name);
    if (!kubeconfig) throw new Error(`the state store has no kubeconfig for "${state.spec.name}"`);
    state.readiness = await waitUntilReady(ctx, state.spec, kubeconfig, state.waitMs);
  },
};
