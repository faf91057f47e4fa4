// Asks the engine for the cluster's kubeconfig and keeps it in the state store (0600), its entries renamed as
// the preset says, with every server on the address this machine reaches the API server at: 127.0.0.1 rather
// than 0.0.0.0 on an engine of this machine; the other machine's host (tls-server-name localhost) on an engine
// reached over tcp:// or ssh:// (api-host.ts).
import { pinServersToLoopback } from '../../kubeconfig/loopback.js';
import { pointServersAt } from '../../kubeconfig/remote-server.js';
import { renameKubeconfigEntries } from '../../kubeconfig/rename.js';
import type { Action } from '../action.js';
import { remoteApiHost } from './api-host.js';
import type { UpState } from './up-state.js';

/** The save-kubeconfig action. */
export const saveKubeconfig: Action<UpState> = {
  id: 'save-kubeconfig',
  async run(ctx, state) {
    const { name, engine } = state.plan.spec;
    const names = state.plan.spec.kubeconfigNames;
    const raw = state.engineKubeconfig ?? (await (await ctx.engine(engine)).kubeconfig(name));
    const renamed = names ? renameKubeconfigEntries(raw, names) : raw;
    const remote = remoteApiHost(state.plan.spec, (await ctx.docker()).endpoint);
    const content = remote ? pointServersAt(renamed, remote) : pinServersToLoopback(renamed);
    state.kubeconfigPath = await ctx.store.writeKubeconfig(name, content);
  },
};
