// Before the cluster exists: its local registry and its image cache run (created, or reused when they already
// do) and list this cluster as a user. Rolled back by releasing them, which removes each only if nobody else
// uses it.
import { claimImageCache } from '../../registry/claim-image-cache.js';
import { claimRegistry, releaseRegistry } from '../../registry/claim-registry.js';
import { registryContainers } from '../../model/cluster-spec.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The ensure-registry action. */
export const ensureRegistry: Action<UpState> = {
  id: 'ensure-registry',
  async run(ctx, state) {
    const { spec } = state.plan;
    const records = [
      ...(spec.registry ? [await claimRegistry(ctx, spec.registry, spec.name, state.operationId)] : []),
      ...(spec.imageCache ? [await claimImageCache(ctx, spec.imageCache, spec.name, state.operationId)] : []),
    ];
    for (const record of records) ctx.logger.info(`registry ${record.name} (${record.host}) used by ${record.users.join(', ')}`);
  },
  async rollback(ctx, state) {
    const { spec } = state.plan;
    for (const name of registryContainers(spec)) await releaseRegistry(ctx, name, spec.name);
  },
};
