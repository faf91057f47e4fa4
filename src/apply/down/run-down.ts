// Applies `down` to one cluster: its plan from the stored spec, then the plan's steps under the cluster's
// lock and journalled, as every operation is (run-operation.ts). With dryRun, only the plan.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { contextOf, type ClusterSpec } from '../../model/cluster-spec.js';
import { ORIGIN_RECORD, type Origin } from '../../model/origin.js';
import { observeCluster } from '../../status/observe.js';
import { MERGE_RECORD, type MergeRecord } from '../../kubeconfig/user-kubeconfig.js';
import { planDown, type DownPlan } from '../../plan/down-plan.js';
import { openJournal } from '../journal.js';
import { runOperation } from '../run-operation.js';
import type { SweepResult } from '../sweep.js';
import type { DownState } from './down-state.js';
import { DOWN_STEPS } from './steps.js';
import { unmanagedCluster } from './unmanaged-hint.js';

/** What `down` did (or, with dryRun, would do) to one cluster. */
export interface DownOutcome {
  plan: DownPlan;
  removed: SweepResult;
}

/**
 * Deletes one cluster the store knows. A name the store does not know is already deleted (undefined, as `kind
 * delete cluster` exits 0 for it), unless kind or k3d made a cluster of that name without kindling: NotFoundError
 * with how to delete it, which kindling never does.
 */
export async function applyDown(
  ctx: Context,
  name: string,
  opts: { dryRun?: boolean; forget?: boolean } = {},
): Promise<DownOutcome | undefined> {
  const stored = await ctx.store.readSpec(name);
  if (!stored) {
    const unmanaged = await unmanagedCluster(ctx, name);
    if (!unmanaged) return undefined;
    throw new NotFoundError(
      'cluster',
      `no cluster named "${name}" in the state store (${ctx.store.location})`,
      `a ${unmanaged.engine} cluster of that name exists but kindling did not create it: delete it with \`${unmanaged.how}\``,
    );
  }
  const merged = await ctx.store.readRecord<MergeRecord>(name, MERGE_RECORD);
  const plan = planDown(stored.spec, merged, { forget: opts.forget ?? false });
  const removed: SweepResult = { containers: [], networks: [], volumes: [] };
  if (!opts.forget) await refuseRemote(ctx, name, stored.spec);
  if (opts.dryRun) return { plan, removed };
  const operationId = randomUUID();
  const state: DownState = { spec: stored.spec, merged, removed, journal: openJournal(ctx, 'down', operationId) };
  const steps = plan.actions.map((a) => ({ title: a.title, action: DOWN_STEPS[a.id] }));
  await runOperation(ctx, {
    cluster: name,
    steps,
    state,
    interrupted: `interrupted: run \`kindling down ${name}\` again to finish deleting it`,
  });
  return { plan, removed: state.removed };
}

/** A cluster made on another machine, none of whose containers this Docker has, is that machine's to delete. */
async function refuseRemote(ctx: Context, name: string, spec: ClusterSpec): Promise<void> {
  const origin = await ctx.store.readRecord<Origin>(name, ORIGIN_RECORD);
  if (!origin || origin.host === ctx.host) return;
  const now = await observeCluster(ctx, name, spec.engine, undefined, { context: contextOf(spec), ignoreLock: true });
  if (now.phase !== 'missing') return;
  throw new ConflictError(
    'cluster-remote',
    `cluster "${name}" was made on ${origin.host}: its containers are in that machine's Docker (${origin.docker}), not this one's`,
    `run \`kindling down ${name}\` on ${origin.host}, or \`kindling down ${name} --forget\` to drop it from the store only`,
  );
}
