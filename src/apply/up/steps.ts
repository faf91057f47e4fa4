// `up`'s one table from step id (as the plan lists them, src/plan/plan.ts) to the code that runs it and
// undoes it. The type makes the table complete: a step the plan names without code here does not compile.
import type { UpActionId } from '../../plan/plan.js';
import type { Action } from '../action.js';
import { applyAddons } from './apply-addons.js';
import { configureCluster } from './configure-cluster.js';
import { connectRegistry } from './connect-registry.js';
import { createCluster } from './create-cluster.js';
import { ensureNetwork } from './ensure-network.js';
import { ensureRegistry } from './ensure-registry.js';
import { mergeKubeconfigAction } from './merge-kubeconfig.js';
import { observe } from './observe.js';
import { preflight } from './preflight.js';
import { recordIntent } from './record-intent.js';
import { restoreSnapshot } from './restore-snapshot.js';
import { saveKubeconfig } from './save-kubeconfig.js';
import type { UpState } from './up-state.js';
import { verifySnapshot } from './verify-snapshot.js';
import { waitReady } from './wait-ready.js';

/** Every step of `up`, by id. */
export const UP_STEPS: Readonly<Record<UpActionId, Action<UpState>>> = {
  preflight,
  'verify-snapshot': verifySnapshot,
  'record-intent': recordIntent,
  'ensure-registry': ensureRegistry,
  'ensure-network': ensureNetwork,
  'create-cluster': createCluster,
  'save-kubeconfig': saveKubeconfig,
  'merge-kubeconfig': mergeKubeconfigAction,
  observe,
  'connect-registry': connectRegistry,
  'apply-addons': applyAddons,
  'configure-cluster': configureCluster,
  'wait-ready': waitReady,
  'restore-snapshot': restoreSnapshot,
};
