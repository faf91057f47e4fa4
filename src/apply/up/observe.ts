// Reads the new cluster back from Docker and stores what it saw as the cluster's status.
import { ExitCode, KindlingError } from '../../errors.js';
import { observeCluster } from '../../status/observe.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The observe action. */
export const observe: Action<UpState> = {
  id: 'observe',
  async run(ctx, state) {
    const { spec, context } = state.plan;
    const { name, engine } = spec;
    const status = await observeCluster(ctx, name, engine, undefined, { ignoreLock: true, context });
    await ctx.store.writeStatus(name, status);
    state.status = status;
    if (status.phase !== 'running') {
      const why = status.message ? ` (${status.message})` : '';
      throw new KindlingError(
        'not-running',
        ExitCode.engineFailed,
        `${engine} reported success, but after create cluster "${name}" is ${status.phase}${why}`,
        {
          hint: `look at \`docker logs\` of its node containers, or run up again with --retain to keep them`,
        },
      );
    }
  },
};
