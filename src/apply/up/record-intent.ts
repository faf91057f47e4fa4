// Writes the desired spec (next generation) and a `creating` status to the state store before the engine
// runs, so a crash mid-create is visible and recoverable. Undone by forgetting a cluster the store did not
// know before this `up`; one it knew (a cluster that went missing) stays, and the rollback is journalled.
import { ORIGIN_RECORD, type Origin } from '../../model/origin.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The record-intent action. */
export const recordIntent: Action<UpState> = {
  id: 'record-intent',
  async run(ctx, state) {
    const { spec, context } = state.plan;
    await ctx.store.writeSpec(spec.name, { generation: (state.previous?.generation ?? 0) + 1, spec });
    await ctx.store.writeStatus(spec.name, {
      name: spec.name,
      engine: spec.engine,
      phase: 'creating',
      observedAt: ctx.now().toISOString(),
      context,
      nodes: [],
    });
    const origin: Origin = { host: ctx.host, docker: (await ctx.docker()).endpoint, createdAt: ctx.now().toISOString() };
    await ctx.store.writeRecord(spec.name, ORIGIN_RECORD, origin);
  },
  async rollback(ctx, state) {
    if (!state.previous) await ctx.store.remove(state.plan.spec.name);
  },
};
