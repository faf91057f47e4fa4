// k3d cannot remove its cluster network while the registry is still attached: detach it first.
import { disconnectRegistry as disconnect } from '../../registry/connect-nodes.js';
import type { Action } from '../action.js';
import type { DownState } from './down-state.js';

/** The disconnect-registry step. */
export const disconnectRegistry: Action<DownState> = {
  id: 'disconnect-registry',
  run: (ctx, state) => disconnect(ctx, state.spec),
};
