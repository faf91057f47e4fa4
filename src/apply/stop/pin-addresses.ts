// kind only: once its nodes are stopped, each is pinned to the address it had, so that after a start (or a
// restart of Docker) it gets that address back rather than whichever one Docker hands out first.
import type { Action } from '../action.js';
import { pinAddresses } from '../node-addresses.js';
import type { StopState } from './stop-state.js';

/** The pin-addresses step. */
export const pinNodeAddresses: Action<StopState> = {
  id: 'pin-addresses',
  async run(ctx, state) {
    await pinAddresses(ctx, state.nodes);
  },
};
