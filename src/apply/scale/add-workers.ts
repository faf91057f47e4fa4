// Adds workers with the engine's own node command (k3d node create), labelled like the cluster's other
// nodes; each is waited for until it registered. Undone by removing what was added.
import { nodeScaling } from '../../engines/engine.js';
import { clusterLabels } from '../../labels.js';
import type { Action } from '../action.js';
import { clusterApi } from './cluster-api.js';
import type { ScaleState } from './scale-state.js';

/** The add-workers step. */
export const addWorkers: Action<ScaleState> = {
  id: 'add-workers',
  async run(ctx, state) {
    const { spec, add } = state.plan;
    const scaling = nodeScaling(await ctx.engine(spec.engine))!;
    for (const node of add) {
      const container = await scaling.addWorker(spec.name, {
        node,
        image: spec.image,
        labels: clusterLabels(spec.name, spec.preset),
        nodeLabels: spec.nodeLabels ?? {},
        timeoutMs: state.timeoutMs,
      });
      state.added.push(container);
    }
  },
  async rollback(ctx, state) {
    const scaling = nodeScaling(await ctx.engine(state.plan.spec.engine))!;
    const api = await clusterApi(ctx, state.plan.name);
    for (const container of state.added) {
      await scaling.removeNode(container).catch((err: Error) => ctx.logger.warn(`could not remove ${container}: ${err.message}`));
      await api.delete({ apiVersion: 'v1', kind: 'Node', name: container }).catch(() => undefined);
    }
  },
};
