// Waits, through the Kubernetes API, until the cluster is ready stage by stage (API, nodes, DNS), logging
// each stage's time. A timeout fails `up` (exit 7, naming the stage) and the cluster is rolled back.
import type { Action } from '../action.js';
import { waitUntilReady } from '../wait-until-ready.js';
import type { UpState } from './up-state.js';

/** The wait-ready action. */
export const waitReady: Action<UpState> = {
  id: 'wait-ready',
  async run(ctx, state) {
    state.readiness = await waitUntilReady(ctx, state.plan.spec, state.kubeconfigPath!, state.plan.readiness.waitMs);
  },
};
