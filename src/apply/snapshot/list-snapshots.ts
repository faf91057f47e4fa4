// `snapshot list` and `snapshot delete`: what the store holds, read from each manifest.
import { randomUUID } from 'node:crypto';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import type { SnapshotSummary } from '../../model/snapshot.js';
import { openJournal, type OperationState } from '../journal.js';
import { runOperation } from '../run-operation.js';
import { readManifest } from './read-snapshot.js';

async function summary(ctx: Context, cluster: string, id: string, deleted: boolean): Promise<SnapshotSummary> {
  const gone = deleted ? { clusterDeleted: true as const } : {};
  try {
    const m = await readManifest(ctx, cluster, id);
    return {
      cluster,
      name: id,
      createdAt: m.createdAt,
      reason: m.reason,
      consistent: m.consistent,
      kubernetesVersion: m.kubernetesVersion,
      objects: m.objects,
      volumes: m.volumes.length,
      bytes: m.parts.reduce((n, p) => n + p.bytes, 0),
      ...gone,
    };
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    return { cluster, name: id, incomplete: true, ...gone };
  }
}

/** The snapshots of the named clusters (or, with no names, of every cluster the store knows; with all, deleted ones too). */
export async function snapshotSummaries(ctx: Context, names: readonly string[], all: boolean): Promise<SnapshotSummary[]> {
  const clusters = names.length > 0 ? [...names] : all ? await ctx.store.listSnapshotOwners() : await ctx.store.list();
  const out: SnapshotSummary[] = [];
  for (const cluster of clusters) {
    const deleted = !(await ctx.store.has(cluster));
    for (const id of await ctx.store.listSnapshots(cluster)) out.push(await summary(ctx, cluster, id, deleted));
  }
  return out;
}

/** Removes one snapshot, under the cluster's lock, with a history entry while the cluster exists. */
export async function removeSnapshot(ctx: Context, cluster: string, id: string): Promise<void> {
  const ids = await ctx.store.listSnapshots(cluster);
  if (!ids.includes(id)) {
    throw new NotFoundError(
      'snapshot',
      `cluster "${cluster}" has no snapshot named "${id}" in the state store (${ctx.store.location})`,
      ids.length > 0 ? `it has: ${ids.join(', ')}` : 'see `kindling snapshot list --all`',
    );
  }
  const state: OperationState = { journal: openJournal(ctx, 'snapshot-delete', randomUUID()) };
  const step = {
    title: `Remove snapshot ${cluster}/${id} and every part of it`,
    action: { id: 'remove-snapshot', run: () => ctx.store.removeSnapshot(cluster, id) },
  };
  await runOperation(ctx, { cluster, steps: [step], state });
}
