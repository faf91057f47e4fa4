// `stop`'s one table from step id (as src/plan/stop-plan.ts lists them) to the code that runs it.
import type { StopActionId } from '../../plan/stop-plan.js';
import type { Action } from '../action.js';
import { observeStopped } from './observe-stopped.js';
import { pinNodeAddresses } from './pin-addresses.js';
import { recordNodes } from './record-nodes.js';
import type { StopState } from './stop-state.js';
import { stopNodes } from './stop-nodes.js';

/** Every step of `stop`, by id. */
export const STOP_STEPS: Readonly<Record<StopActionId, Action<StopState>>> = {
  'record-nodes': recordNodes,
  'stop-nodes': stopNodes,
  'pin-addresses': pinNodeAddresses,
  'observe-stopped': observeStopped,
};
