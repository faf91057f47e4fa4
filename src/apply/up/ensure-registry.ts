// Before the cluster exists: the registry runs (created, or reused when it already does) and lists this
// cluster as a user. Rolled back by releasing it, which removes it only if nobody else uses it.
import { claimRegistry, releaseRegistry } from '../../registry/claim-registry.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The ensure-registry action. */
export const ensureRegistry: Action<UpState> = {
  id: 'ensure-registry',
  async run(ctx, state) {
    const { spec } = state.plan;
    const record = await claimRegistry(ctx, spec.registry!, spec.name, state.operationId);
    ctx.logger.info(`registry ${record.name} (${record.host}) used by ${record.users.join(', ')}`);
  },
  async rollback(ctx, state) {
    const { spec } = state.plan;
    await releaseRegistry(ctx, spec.registry!.name, spec.name);
  },
};
