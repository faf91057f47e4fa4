// After adding workers: the readiness stages of `up --wait`, every node (the new ones too) Ready.
import type { Action } from '../action.js';
import { waitUntilReady } from '../wait-until-ready.js';
import type { ScaleState } from './scale-state.js';

/** The wait-ready step of scale. */
export const waitReady: Action<ScaleState> = {
  id: 'wait-ready',
  async run(ctx, state) {
    const kubeconfig = await ctx.store.kubeconfigPath(state.plan.name);
    if (!kubeconfig) throw new Error(`the state store has no kubeconfig for "${state.plan.name}"`);
    state.readiness = await waitUntilReady(ctx, state.plan.spec, kubeconfig, state.plan.waitMs);
  },
};
