// The last step: the store forgets the cluster. Its history, closed with this `down`'s own entry, is kept
// under deleted/<name>/<operationId>/ (the cluster's folder is gone, so the step closes the journal itself).
import type { Action } from '../action.js';
import { journalEntry } from '../journal.js';
import type { DownState } from './down-state.js';

/** The forget-cluster step. */
export const forgetCluster: Action<DownState> = {
  id: 'forget-cluster',
  async run(ctx, state) {
    const { journal } = state;
    await ctx.store.retire(state.spec.name, journalEntry(ctx, { ...journal, steps: [...journal.steps, 'forget-cluster'] }, 'succeeded'));
    journal.closed = true;
  },
};
