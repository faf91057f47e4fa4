// Whatever the engine's delete left that still carries the cluster's labels (or is the engine's own
// network or volume of it) is removed; unlabelled objects are never touched.
import type { Action } from '../action.js';
import { sweepLeftovers as sweep } from '../sweep.js';
import type { DownState } from './down-state.js';

/** The sweep-leftovers step. */
export const sweepLeftovers: Action<DownState> = {
  id: 'sweep-leftovers',
  async run(ctx, state) {
    state.removed = await sweep(ctx, state.spec.name, state.spec.engine);
  },
};
