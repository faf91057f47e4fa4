// `up --from-snapshot`: once the new cluster is ready, the snapshot's volumes and objects are put into it.
// Undone with the cluster itself (create-cluster's rollback).
import type { Action } from '../action.js';
import { restoreInto } from '../snapshot/restore-into.js';
import type { UpState } from './up-state.js';

/** The restore-snapshot step. */
export const restoreSnapshot: Action<UpState> = {
  id: 'restore-snapshot',
  async run(ctx, state) {
    state.restored = await restoreInto(ctx, state.snapshot!, state.plan.spec, state.kubeconfigPath!);
    ctx.logger.info(
      `restored ${state.restored.objects} objects and ${state.restored.volumes.length} volume${state.restored.volumes.length === 1 ? '' : 's'} from snapshot ${state.restored.snapshot}`,
    );
  },
};
