// --consistent: after the copy, the cluster is started again and waited for, as `kindling start` does.
import type { Action } from '../action.js';
import { startInside } from './power.js';
import type { SnapshotState } from './snapshot-state.js';

/** The start-cluster step. */
export const startCluster: Action<SnapshotState> = {
  id: 'start-cluster',
  async run(ctx, state) {
    await startInside(ctx, state.spec, state.timeoutMs, state.waitMs);
  },
};
