// The cluster stops using its registry and its image cache; each goes with its last user when kindling made it.
import { registryContainers } from '../../model/cluster-spec.js';
import { releaseRegistry as release } from '../../registry/claim-registry.js';
import type { Action } from '../action.js';
import type { DownState } from './down-state.js';

/** The release-registry step. */
export const releaseRegistry: Action<DownState> = {
  id: 'release-registry',
  async run(ctx, state) {
    for (const name of registryContainers(state.spec)) {
      if (await release(ctx, name, state.spec.name)) state.removed.containers.push(name);
    }
  },
};
