// The cluster stops using its registry; the registry goes with its last user when kindling made it.
import { releaseRegistry as release } from '../../registry/claim-registry.js';
import type { Action } from '../action.js';
import type { DownState } from './down-state.js';

/** The release-registry step. */
export const releaseRegistry: Action<DownState> = {
  id: 'release-registry',
  async run(ctx, state) {
    const registry = state.spec.registry!;
    if (await release(ctx, registry.name, state.spec.name)) state.removed.containers.push(registry.name);
  },
};
