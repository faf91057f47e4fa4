// The state-store side of prune for one cluster: an interrupted first `up` is forgotten (as its rollback
// would), an interrupted `down` retired with its history (as `down` ends), another interrupted operation's
// journal record cleared; contexts an interrupted `up` merged into the user's kubeconfig are removed.
import type { Context } from '../../context.js';
import { MERGE_RECORD, removeFromUserKubeconfig, type MergeRecord } from '../../kubeconfig/user-kubeconfig.js';
import type { StoreEntry } from '../../plan/prune-facts.js';
import { clearOperation, readOperation } from '../operation-record.js';

/** Applies one cluster entry of the plan. */
export async function applyClusterEntry(ctx: Context, entry: StoreEntry): Promise<void> {
  const name = entry.cluster!;
  if (entry.action === 'remove-cluster') return ctx.store.remove(name);
  if (entry.action === 'clear-operation') return clearOperation(ctx, name);
  const record = await readOperation(ctx.store, name);
  const stored = await ctx.store.readSpec(name);
  await ctx.store.retire(name, {
    op: 'down',
    operationId: record?.operationId ?? 'prune',
    startedAt: record?.startedAt ?? ctx.now().toISOString(),
    finishedAt: ctx.now().toISOString(),
    outcome: 'succeeded',
    steps: [...(record?.completed ?? []), 'prune'],
    ...(stored ? { spec: stored.spec } : {}),
  });
}

/** Removes what `up` merged into the user's kubeconfig for `name`, if anything. */
export async function unmergeKubeconfig(ctx: Context, name: string): Promise<boolean> {
  const merged = await ctx.store.readRecord<MergeRecord>(name, MERGE_RECORD);
  if (!merged) return false;
  await removeFromUserKubeconfig(merged);
  return true;
}
