// Asks the engine for the cluster's kubeconfig and keeps it in the state store (0600), with every server
// pointing at 127.0.0.1 rather than 0.0.0.0, and its entries renamed as the preset says.
import { pinServersToLoopback } from '../../kubeconfig/loopback.js';
import { renameKubeconfigEntries } from '../../kubeconfig/rename.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The save-kubeconfig action. */
export const saveKubeconfig: Action<UpState> = {
  id: 'save-kubeconfig',
  async run(ctx, state) {
    const { name, engine } = state.plan.spec;
    const names = state.plan.spec.kubeconfigNames;
    const raw = state.engineKubeconfig ?? (await (await ctx.engine(engine)).kubeconfig(name));
    const content = pinServersToLoopback(names ? renameKubeconfigEntries(raw, names) : raw);
    state.kubeconfigPath = await ctx.store.writeKubeconfig(name, content);
  },
};
