// --consistent: the cluster is stopped while its volumes are copied. Undone by starting it again.
import type { Action } from '../action.js';
import { startInside, stopInside } from './power.js';
import type { SnapshotState } from './snapshot-state.js';

/** The stop-cluster step. */
export const stopCluster: Action<SnapshotState> = {
  id: 'stop-cluster',
  run: (ctx, state) => stopInside(ctx, state.spec),
  async rollback(ctx, state) {
    await startInside(ctx, state.spec, state.timeoutMs, state.waitMs);
  },
};
