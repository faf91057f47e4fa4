// `start`'s one table from step id (as src/plan/stop-plan.ts lists them) to the code that runs it.
import type { StartActionId } from '../../plan/stop-plan.js';
import type { Action } from '../action.js';
import { observeStarted } from './observe-started.js';
import { restoreAddresses } from './restore-addresses.js';
import { startNodes } from './start-nodes.js';
import type { StartState } from './start-state.js';
import { waitReady } from './wait-ready.js';

/** Every step of `start`, by id. */
export const START_STEPS: Readonly<Record<StartActionId, Action<StartState>>> = {
  'restore-addresses': restoreAddresses,
  'start-nodes': startNodes,
  'observe-started': observeStarted,
  'wait-ready': waitReady,
};
