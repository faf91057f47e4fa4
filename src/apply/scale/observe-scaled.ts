// Reads the cluster back from Docker after the change and stores it: every node running, as many workers as asked.
import { ExitCode, KindlingError } from '../../errors.js';
import { contextOf } from '../../model/cluster-spec.js';
import { kubernetesNodes } from '../../model/cluster-status.js';
import { observeCluster } from '../../status/observe.js';
import type { Action } from '../action.js';
import type { ScaleState } from './scale-state.js';

/** The observe-scaled step. */
export const observeScaled: Action<ScaleState> = {
  id: 'observe-scaled',
  async run(ctx, state) {
    const { spec } = state.plan;
    const status = await observeCluster(ctx, spec.name, spec.engine, undefined, { ignoreLock: true, context: contextOf(spec) });
    await ctx.store.writeStatus(spec.name, status);
    state.status = status;
    const nodes = kubernetesNodes(status.nodes).length;
    const wanted = spec.nodes.controlPlanes + spec.nodes.workers;
    if (status.phase !== 'running' || nodes !== wanted) {
      throw new KindlingError(
        'not-scaled',
        ExitCode.engineFailed,
        `after scaling, cluster "${spec.name}" is ${status.phase} with ${nodes} of ${wanted} nodes`,
        {
          hint: 'look at `docker ps -a` and `kindling status`',
        },
      );
    }
  },
};
