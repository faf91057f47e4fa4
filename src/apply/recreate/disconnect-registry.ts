// k3d cannot remove its cluster network while the registry is still attached: detach it before the delete
// (connect-registry attaches it to the new cluster's network).
import { disconnectRegistry as disconnect } from '../../registry/connect-nodes.js';
import type { Action } from '../action.js';
import type { RecreateState } from './recreate-state.js';

/** The disconnect-registry step. */
export const disconnectRegistry: Action<RecreateState> = {
  id: 'disconnect-registry',
  run: (ctx, state) => disconnect(ctx, state.stored.spec),
};
