// `down`'s one table from step id (as src/plan/down-plan.ts lists them) to the code that runs it. Deleting
// cannot be undone, so no step has a rollback: an interrupted or failed `down` is finished by running it again.
import type { DownActionId } from '../../plan/down-plan.js';
import type { Action } from '../action.js';
import { deleteCluster } from './delete-cluster.js';
import { disconnectRegistry } from './disconnect-registry.js';
import type { DownState } from './down-state.js';
import { forgetCluster } from './forget-cluster.js';
import { releaseRegistry } from './release-registry.js';
import { sweepLeftovers } from './sweep-leftovers.js';
import { unmergeKubeconfig } from './unmerge-kubeconfig.js';

/** Every step of `down`, by id. */
export const DOWN_STEPS: Readonly<Record<DownActionId, Action<DownState>>> = {
  'disconnect-registry': disconnectRegistry,
  'delete-cluster': deleteCluster,
  'sweep-leftovers': sweepLeftovers,
  'release-registry': releaseRegistry,
  'unmerge-kubeconfig': unmergeKubeconfig,
  'forget-cluster': forgetCluster,
};
