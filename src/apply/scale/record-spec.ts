// The store's desired spec follows the change: the new workers count, the next generation.
import type { Action } from '../action.js';
import type { ScaleState } from './scale-state.js';

/** The record-spec step. */
export const recordSpec: Action<ScaleState> = {
  id: 'record-spec',
  async run(ctx, state) {
    await ctx.store.writeSpec(state.plan.name, { generation: state.generation + 1, spec: state.plan.spec });
  },
};
