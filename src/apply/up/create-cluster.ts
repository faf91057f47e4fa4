// Runs the engine's create. On failure the engine's own rollback is backed by kindling's: delete through
// the engine, then sweep anything still labelled for the cluster.
import type { Action } from '../action.js';
import { sweepLeftovers } from '../sweep.js';
import type { UpState } from './up-state.js';

/** The create-cluster action. */
export const createCluster: Action<UpState> = {
  id: 'create-cluster',
  async run(ctx, state) {
    const engine = await ctx.engine(state.plan.spec.engine);
    await engine.create(state.plan.spec, state.plan.engineConfig, {
      timeoutMs: state.timeoutMs,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  },
  async rollback(ctx, state) {
    const { name, engine: engineName } = state.plan.spec;
    const engine = await ctx.engine(engineName);
    await engine.delete(name).catch((err: Error) => ctx.logger.warn(`${engineName} delete failed: ${err.message}`));
    const left = await sweepLeftovers(ctx, name, engineName);
    if (left.containers.length + left.networks.length + left.volumes.length > 0) {
      ctx.logger.info(`removed leftovers: ${[...left.containers, ...left.networks, ...left.volumes].join(', ')}`);
    }
  },
};
