// A recreate's one table from step id (src/plan/recreate-plan.ts) to the code that runs and undoes it: its own
// steps around up's, which make the new cluster exactly as `up` makes one.
import type { RecreateActionId } from '../../plan/recreate-plan.js';
import type { Action } from '../action.js';
import { UP_STEPS } from '../up/steps.js';
import { deleteCluster } from './delete-cluster.js';
import { disconnectRegistry } from './disconnect-registry.js';
import type { RecreateState } from './recreate-state.js';
import { recordSpec } from './record-spec.js';
import { takeSnapshot } from './take-snapshot.js';
import { verifySnapshot } from './verify-snapshot.js';

/** Every step of a recreate, by id. */
export const RECREATE_STEPS: Readonly<Record<RecreateActionId, Action<RecreateState>>> = {
  'take-snapshot': takeSnapshot,
  'verify-snapshot': verifySnapshot,
  'disconnect-registry': disconnectRegistry,
  'delete-cluster': deleteCluster,
  'ensure-network': UP_STEPS['ensure-network'],
  'create-cluster': UP_STEPS['create-cluster'],
  'save-kubeconfig': UP_STEPS['save-kubeconfig'],
  'merge-kubeconfig': UP_STEPS['merge-kubeconfig'],
  observe: UP_STEPS.observe,
  'connect-registry': UP_STEPS['connect-registry'],
  'apply-addons': UP_STEPS['apply-addons'],
  'configure-cluster': UP_STEPS['configure-cluster'],
  'wait-ready': UP_STEPS['wait-ready'],
  'restore-snapshot': UP_STEPS['restore-snapshot'],
  'record-spec': recordSpec,
};
