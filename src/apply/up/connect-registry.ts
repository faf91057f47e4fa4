// After the cluster exists: the registry joins the nodes' network and kind nodes get their hosts.toml.
import { connectRegistry as connect, disconnectRegistry } from '../../registry/connect-nodes.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The connect-registry action. */
export const connectRegistry: Action<UpState> = {
  id: 'connect-registry',
  run: (ctx, state) => connect(ctx, state.plan.spec),
  // k3d cannot remove its network while the registry is still attached to it.
  rollback: (ctx, state) => disconnectRegistry(ctx, state.plan.spec),
};
