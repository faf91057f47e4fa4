// Every part of the snapshot is checked against its size and sha256 before the cluster is touched.
import type { Action } from '../action.js';
import { verifySnapshot as verify } from '../snapshot/read-snapshot.js';
import type { RecreateState } from './recreate-state.js';

/** The verify-snapshot step. */
export const verifySnapshot: Action<RecreateState> = {
  id: 'verify-snapshot',
  async run(ctx, state) {
    state.snapshot = await verify(ctx, state.recreate.name, state.recreate.snapshot.id);
  },
};
