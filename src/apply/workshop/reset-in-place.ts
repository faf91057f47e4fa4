// An in-place `workshop reset`: the running cluster brought back to its starting snapshot through its own API, so
// its node containers, certificates and the attendee's kubeconfig stay. The live objects are read as the
// snapshot's read step reads them (same resources, skip rules and cleaning); the namespaces the attendee added are
// deleted (and waited for, last), the other objects the snapshot does not hold deleted, the snapshot's missing or
// changed objects applied again (server-side apply, restore order), and those the apply could not bring back
// (fields another field manager owns) deleted and made again. A snapshot with volume data, or a cluster whose API does not
// answer, is left to the re-create path: the reason is returned.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from '../../context.js';
import { TimedOutError } from '../../errors.js';
import { cleanObject } from '../../export/clean/clean.js';
import { SYSTEM_NAMESPACES } from '../../export/clean/skip-system.js';
import { snapshotDump } from '../../export/dump/snapshot-dump.js';
import type { KubeObject } from '../../export/kube-object.js';
import { applyObjects } from '../../export/restore/apply-objects.js';
import { readClusterObjects } from '../../export/source/read-cluster.js';
import type { KubeApi, ObjectRef } from '../../runtime/kube-api.js';
import { type DeleteRef, dumpKey, resetPlan, sameContent } from '../../workshop/reset-plan.js';
import { readSnapshotObjects, verifySnapshot } from '../snapshot/read-snapshot.js';

/** What an in-place reset changed. */
export interface InPlaceChanges {
  /** Namespaces the attendee had added, deleted with their contents. */
  deletedNamespaces: string[];
  /** Other objects the snapshot does not hold, deleted. */
  deleted: number;
  /** The snapshot's objects applied again (missing or changed). */
  applied: number;
  /** Of those, the ones the apply could not bring back, deleted and made again. */
  recreated: number;
  /** The snapshot's objects that were as they had been. */
  unchanged: number;
}

/** Done in place, or why not (the caller re-creates the cluster instead). */
export type InPlaceResult = { done: true; changes: InPlaceChanges } | { done: false; reason: string };

const POLL_MS = 250;

/** The cluster's objects as the snapshot's read step keeps them. */
async function readLive(ctx: Context, api: KubeApi, cluster: string): Promise<KubeObject[]> {
  const read = await readClusterObjects(api, cluster);
  for (const s of read.skippedResources) ctx.logger.debug(`not compared: ${s.resource} (${s.reason})`);
  return snapshotDump(read.objects).objects;
}

/** Waits until every object is gone (TimedOutError at the deadline). */
async function waitGone(ctx: Context, api: KubeApi, refs: readonly ObjectRef[], deadline: number): Promise<void> {
  for (const ref of refs) {
    while ((await api.get(ref)) !== undefined) {
      if (ctx.now().getTime() > deadline) {
        throw new TimedOutError(
          'reset-delete',
          `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name} was not gone in time`,
          'see what holds it (`kubectl get KIND NAME -o yaml`: finalizers), or reset with --recreate',
        );
      }
      await sleep(POLL_MS);
    }
  }
}

const asRef = (o: KubeObject): DeleteRef => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  name: o.metadata.name ?? '',
  ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
});

const isNamespace = (o: KubeObject) => o.apiVersion === 'v1' && o.kind === 'Namespace';

/**
 * The objects that still differ from the snapshot after the apply: server-side apply leaves the fields another
 * field manager (kubectl edit, patch, apply) added. Read back by listing only their kinds, cleaned as the dump is.
 */
async function stillDiffering(api: KubeApi, drifted: readonly KubeObject[]): Promise<KubeObject[]> {
  const kinds = new Map(drifted.map((o) => [`${o.apiVersion} ${o.kind}`, o]));
  const live = new Map<string, KubeObject>();
  for (const o of kinds.values()) {
    for (const item of await api.list(o.apiVersion, o.kind)) {
      const cleaned = cleanObject(item as KubeObject);
      live.set(dumpKey(cleaned), cleaned);
    }
  }
  return drifted.filter((o) => !sameContent(live.get(dumpKey(o)), o));
}

/** Deletes what the attendee added and applies the snapshot's objects that are missing or changed. */
async function reconcile(ctx: Context, api: KubeApi, cluster: string, objects: KubeObject[], deadline: number): Promise<InPlaceChanges> {
  const refusedHint = 'the cluster refused an object of its starting snapshot; reset it with --recreate';
  let mark = ctx.now().getTime();
  const took = (what: string) => {
    const now = ctx.now().getTime();
    ctx.logger.debug(`reset: ${what} in ${((now - mark) / 1000).toFixed(1)} s`);
    mark = now;
  };
  const live = await readLive(ctx, api, cluster);
  const plan = resetPlan(objects, live, SYSTEM_NAMESPACES);
  took(
    `read and compared (delete namespaces [${plan.deleteNamespaces.join(', ')}] and ${plan.deleteObjects.length} object(s); apply ${plan.apply.length}, ${plan.drifted} of them changed; ${plan.unchanged} unchanged)`,
  );
  // The namespace controller empties and removes the namespaces meanwhile; they are waited for last.
  const namespaces = plan.deleteNamespaces.map((name) => ({ apiVersion: 'v1', kind: 'Namespace', name }));
  for (const ref of [...namespaces, ...plan.deleteObjects]) await api.delete(ref);
  took('deleted');
  await applyObjects(ctx, api, plan.apply, { refusedHint });
  took('applied');
  const existed = new Set(live.map(dumpKey));
  const drifted = plan.apply.filter((o) => existed.has(dumpKey(o)));
  let recreated: KubeObject[] = [];
  if (drifted.length > 0) {
    const differing = await stillDiffering(api, drifted);
    for (const ns of differing.filter(isNamespace)) {
      ctx.logger.warn(`namespace ${ns.metadata.name} still differs from the snapshot (labels or annotations added): left as it is`);
    }
    recreated = differing.filter((o) => !isNamespace(o));
    for (const ref of recreated.map(asRef)) await api.delete(ref);
    await waitGone(ctx, api, recreated.map(asRef), deadline);
    await applyObjects(ctx, api, recreated, { refusedHint });
    took(`checked ${drifted.length} again and re-made ${recreated.length}`);
  }
  await waitGone(ctx, api, namespaces, deadline);
  took('namespaces gone');
  return {
    deletedNamespaces: plan.deleteNamespaces,
    deleted: plan.deleteObjects.length,
    applied: plan.apply.length,
    recreated: recreated.length,
    unchanged: plan.unchanged,
  };
}

/** Resets `cluster` to its snapshot `id` in place, under the cluster's lock; `waitMs` bounds the deletions. */
export async function resetInPlace(ctx: Context, cluster: string, id: string, waitMs: number): Promise<InPlaceResult> {
  const manifest = await verifySnapshot(ctx, cluster, id);
  if (manifest.volumes.length > 0) {
    const claims = manifest.volumes.map((v) => `${v.namespace}/${v.claim}`).join(', ');
    return { done: false, reason: `the snapshot holds volume data (${claims}), which only a re-create restores` };
  }
  const path = await ctx.store.kubeconfigPath(cluster);
  if (!path) return { done: false, reason: 'the store has no kubeconfig for it' };
  const api = await ctx.kubeApi(await readFile(path, 'utf8'));
  try {
    await api.version();
  } catch (err) {
    return { done: false, reason: `its API server does not answer (${(err as Error).message})` };
  }
  const lock = await ctx.store.lock(cluster, 'workshop-reset', randomUUID());
  try {
    const objects = await readSnapshotObjects(ctx, cluster, id);
    return { done: true, changes: await reconcile(ctx, api, cluster, objects, ctx.now().getTime() + waitMs) };
  } finally {
    await lock.release();
  }
}
