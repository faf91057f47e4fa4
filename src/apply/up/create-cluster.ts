// Runs the engine's create. On failure the engine's own rollback is backed by kindling's: delete through
// the engine, then sweep anything still labelled for the cluster. When the engine picked a free host port
// itself (the API port left at 0) and another process bound it before Docker did, a race between parallel
// creates that kind and k3d both have, the create is cleaned up and tried again, at most twice more.
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import type { Action } from '../action.js';
import { sweepLeftovers } from '../sweep.js';
import type { UpState } from './up-state.js';

const ATTEMPTS = 3;

/** A taken host port that the spec did not ask for, so the engine chose it and will choose another. */
export function lostPortRace(err: unknown, spec: ClusterSpec): boolean {
  if (!(err instanceof ConflictError) || err.code !== 'port-in-use') return false;
  const port = err.details.port;
  const requested = [spec.apiServer.port, ...spec.ports.map((p) => p.hostPort), spec.registry?.hostPort, spec.imageCache?.hostPort].filter(
    (p) => p !== undefined && p !== 0,
  );
  return typeof port === 'number' && !requested.includes(port);
}

async function removeHalfMade(ctx: Context, spec: ClusterSpec): Promise<void> {
  const engine = await ctx.engine(spec.engine);
  await engine.delete(spec.name).catch((err: Error) => ctx.logger.warn(`${spec.engine} delete failed: ${err.message}`));
  const left = await sweepLeftovers(ctx, spec.name, spec.engine);
  if (left.containers.length + left.networks.length + left.volumes.length > 0) {
    ctx.logger.info(`removed leftovers: ${[...left.containers, ...left.networks, ...left.volumes].join(', ')}`);
  }
}

/** The create-cluster action. */
export const createCluster: Action<UpState> = {
  id: 'create-cluster',
  async run(ctx, state) {
    const { spec, engineConfig } = state.plan;
    const engine = await ctx.engine(spec.engine);
    for (let attempt = 1; ; attempt++) {
      try {
        const made = await engine.create(spec, engineConfig, { timeoutMs: state.timeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) });
        if (made.kubeconfig !== undefined) state.engineKubeconfig = made.kubeconfig;
        return;
      } catch (err) {
        if (attempt >= ATTEMPTS || ctx.signal?.aborted || !lostPortRace(err, spec)) throw err;
        ctx.logger.info(`${spec.engine} chose a host port another process took first (${(err as Error).message}); creating again`);
        await removeHalfMade(ctx, spec);
      }
    }
  },
  rollback: (ctx, state) => removeHalfMade(ctx, state.plan.spec),
};
