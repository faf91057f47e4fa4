// Reads the new cluster back from Docker and stores what it saw as the cluster's status.
import { EngineFailedError } from '../../errors.js';
import { observeCluster } from '../../status/observe.js';
import type { Action } from '../action.js';
import type { UpState } from '../up-state.js';

/** The observe action. */
export const observe: Action<UpState> = {
  id: 'observe',
  async run(ctx, state) {
    const { name, engine } = state.plan.spec;
    const status = await observeCluster(ctx, name, engine, undefined, { ignoreLock: true });
    await ctx.store.writeStatus(name, status);
    state.status = status;
    if (status.phase !== 'running') {
      throw new EngineFailedError(engine, `leave "${name}" running`, { stderr: `after create, the cluster is ${status.phase}: ${status.message ?? ''}` });
    }
  },
};
