// Removes exactly the entries `up` merged into the user's kubeconfig, and switches back the context it
// switched; everything else in the file stays byte-for-byte.
import { removeFromUserKubeconfig } from '../../kubeconfig/user-kubeconfig.js';
import type { Action } from '../action.js';
import type { DownState } from './down-state.js';

/** The unmerge-kubeconfig step. */
export const unmergeKubeconfig: Action<DownState> = {
  id: 'unmerge-kubeconfig',
  run: (_ctx, state) => removeFromUserKubeconfig(state.merged!),
};
