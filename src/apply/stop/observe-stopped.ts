// Reads the cluster back from Docker after the stop and stores what it saw: every node must be stopped.
import { ExitCode, KindlingError } from '../../errors.js';
import { contextOf } from '../../model/cluster-spec.js';
import { observeCluster } from '../../status/observe.js';
import type { Action } from '../action.js';
import type { StopState } from './stop-state.js';

/** The observe-stopped step. */
export const observeStopped: Action<StopState> = {
  id: 'observe-stopped',
  async run(ctx, state) {
    const { name, engine } = state.spec;
    const status = await observeCluster(ctx, name, engine, undefined, { ignoreLock: true, context: contextOf(state.spec) });
    await ctx.store.writeStatus(name, status);
    state.status = status;
    if (status.phase !== 'stopped') {
      const running = status.nodes.filter((n) => n.state === 'running').map((n) => n.name);
      throw new KindlingError(
        'not-stopped',
        ExitCode.engineFailed,
        `after the stop, cluster "${name}" is ${status.phase} (still running: ${running.join(', ')})`,
        {
          hint: `run \`kindling stop ${name}\` again, or look at \`docker ps\``,
        },
      );
    }
  },
};
