// The engine's own delete (`kind delete cluster`, `k3d cluster delete`); it succeeds when nothing is left.
import type { Action } from '../action.js';
import type { DownState } from './down-state.js';

/** The delete-cluster step. */
export const deleteCluster: Action<DownState> = {
  id: 'delete-cluster',
  async run(ctx, state) {
    const engine = await ctx.engine(state.spec.engine);
    await engine.delete(state.spec.name);
  },
};
