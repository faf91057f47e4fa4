// upgrade and kind scale first take a snapshot of the running cluster (live): what the new cluster is restored
// from, and what the old one comes back from if a step fails. It is kept afterwards, listed as `upgrade-…` or
// `scale-…`.
import type { Action } from '../action.js';
import { takeSnapshotInside } from '../snapshot/run-snapshot.js';
import type { RecreateState } from './recreate-state.js';

/** The take-snapshot step. */
export const takeSnapshot: Action<RecreateState> = {
  id: 'take-snapshot',
  async run(ctx, state) {
    const { recreate } = state;
    await takeSnapshotInside(ctx, state.stored.spec, {
      id: recreate.snapshot.id,
      consistent: false,
      reason: recreate.reason === 'restore' ? 'user' : recreate.reason,
      timeoutMs: state.timeoutMs,
      waitMs: state.waitMs,
    });
  },
};
