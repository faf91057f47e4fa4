// What `up` finds before it does anything: a live lock (busy), a dead one (half-created), the same spec on a
// running cluster (nothing to do), another spec (conflict), or a cluster gone missing (create it again).
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors.js';
import type { ClusterStatus } from '../../model/cluster-status.js';
import { contextOf } from '../../model/cluster-spec.js';
import { describeDifferences, diffSpecs } from '../../plan/spec-diff.js';
import type { StoredSpec } from '../../state/state-store.js';
import { observeCluster } from '../../status/observe.js';
import type { Plan } from '../../plan/plan.js';

/** The status of the identical cluster that already runs, or undefined when `up` must create it. Throws
 * ConflictError when the cluster is busy, half-created or has another spec. */
export async function runningTwin(ctx: Context, plan: Plan, previous: StoredSpec | undefined): Promise<ClusterStatus | undefined> {
  const { spec } = plan;
  const lock = await ctx.store.readLock(spec.name);
  if (lock?.live) {
    const h = lock.info;
    throw new ConflictError(
      'locked',
      `cluster "${spec.name}" is busy: "${h.op}" is running (pid ${h.pid} on ${h.host}, since ${h.started})`,
      'wait for it to finish, then run the command again',
    );
  }
  // A dead stop or start left the cluster whole: its lock is taken over by the next operation.
  if (lock && !lock.live && (lock.info.op === 'up' || lock.info.op === 'down')) {
    throw new ConflictError(
      'half-created',
      `cluster "${spec.name}" was left half-done by an interrupted "${lock.info.op}" (pid ${lock.info.pid} on ${lock.info.host}, ${lock.info.started})`,
      `run \`kindling down ${spec.name}\` to remove what is left, then \`kindling up\` again`,
    );
  }
  if (!previous) return undefined;
  const diffs = diffSpecs(previous.spec, spec);
  if (diffs.length > 0) {
    throw new ConflictError(
      'spec-conflict',
      `cluster "${spec.name}" exists with a different spec: ${describeDifferences(diffs)}`,
      `run \`kindling down ${spec.name}\` first, or choose another --name`,
      { differences: diffs },
    );
  }
  const status = await observeCluster(ctx, spec.name, spec.engine, undefined, { context: contextOf(spec) });
  if (status.phase === 'missing' || status.phase === 'failed') {
    ctx.logger.info(`cluster "${spec.name}" is ${status.phase}; creating it again`);
    return undefined;
  }
  return status;
}
