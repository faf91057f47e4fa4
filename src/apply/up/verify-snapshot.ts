// `up --from-snapshot`: before anything is created, every part of the snapshot is checked against the size and
// sha256 its manifest lists; a changed or damaged part refuses the whole `up`.
import type { Action } from '../action.js';
import { verifySnapshot as verify } from '../snapshot/read-snapshot.js';
import type { UpState } from './up-state.js';

/** The verify-snapshot step. */
export const verifySnapshot: Action<UpState> = {
  id: 'verify-snapshot',
  async run(ctx, state) {
    const from = state.plan.fromSnapshot!;
    state.snapshot = await verify(ctx, from.cluster, from.snapshot);
  },
};
