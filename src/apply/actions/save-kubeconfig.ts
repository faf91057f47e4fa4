// Asks the engine for the cluster's kubeconfig and keeps it in the state store (0600), with every server
// pointing at 127.0.0.1 rather than 0.0.0.0.
import { pinServersToLoopback } from '../../kubeconfig/loopback.js';
import type { Action } from '../action.js';
import type { UpState } from '../up-state.js';

/** The save-kubeconfig action. */
export const saveKubeconfig: Action<UpState> = {
  id: 'save-kubeconfig',
  async run(ctx, state) {
    const { name, engine } = state.plan.spec;
    const content = await (await ctx.engine(engine)).kubeconfig(name);
    state.kubeconfigPath = await ctx.store.writeKubeconfig(name, pinServersToLoopback(content));
  },
};
