// Records the spec the cluster now has when it changed (the next generation), and its status.
import { same } from '../../plan/recreate-plan.js';
import type { Action } from '../action.js';
import type { RecreateState } from './recreate-state.js';

/** The record-spec step. */
export const recordSpec: Action<RecreateState> = {
  id: 'record-spec',
  async run(ctx, state) {
    const { spec } = state.recreate;
    if (!same(spec, state.stored.spec)) await ctx.store.writeSpec(spec.name, { generation: state.stored.generation + 1, spec });
    if (state.status) await ctx.store.writeStatus(spec.name, state.status);
  },
};
