// `scale`'s one table from step id (as src/plan/scale-plan.ts lists them) to the code that runs it.
import type { ScaleActionId } from '../../plan/scale-plan.js';
import type { Action } from '../action.js';
import { addWorkers } from './add-workers.js';
import { drainWorkers } from './drain-workers.js';
import { observeScaled } from './observe-scaled.js';
import { recordSpec } from './record-spec.js';
import { removeWorkers } from './remove-workers.js';
import type { ScaleState } from './scale-state.js';
import { waitReady } from './wait-ready.js';

/** Every step of `scale`, by id. */
export const SCALE_STEPS: Readonly<Record<ScaleActionId, Action<ScaleState>>> = {
  'add-workers': addWorkers,
  'drain-workers': drainWorkers,
  'remove-workers': removeWorkers,
  'record-spec': recordSpec,
  'observe-scaled': observeScaled,
  'wait-ready': waitReady,
};
