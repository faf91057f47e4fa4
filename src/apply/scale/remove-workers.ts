// Removes the drained workers: their containers with the engine's own command (k3d node delete, which leaves
// the Kubernetes Node object), then their Node objects.
import { nodeScaling } from '../../engines/engine.js';
import type { Action } from '../action.js';
import { clusterApi } from './cluster-api.js';
import type { ScaleState } from './scale-state.js';

/** The remove-workers step. */
export const removeWorkers: Action<ScaleState> = {
  id: 'remove-workers',
  async run(ctx, state) {
    const scaling = nodeScaling(await ctx.engine(state.plan.spec.engine))!;
    const api = await clusterApi(ctx, state.plan.name);
    for (const container of state.plan.remove) {
      await scaling.removeNode(container);
      await api.delete({ apiVersion: 'v1', kind: 'Node', name: container });
    }
  },
};
