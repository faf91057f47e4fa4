// kindling's own records of the cluster, as the state store holds them (spec, status, history, lock) and the
// status observed in Docker now. The kubeconfig is never among them.
import { stringify as toYaml } from 'yaml';
import type { Context } from '../context.js';
import type { EngineName } from '../presets/schema.js';
import type { HistoryEntry, StoredSpec } from '../state/state-store.js';
import type { ClusterStatus } from '../model/cluster-status.js';
import { observeCluster } from '../status/observe.js';
import type { LogBundle } from './bundle.js';

/** YAML without folded lines, so that no value is split where redaction looks for it. */
const stringify = (value: unknown) => toYaml(value, { lineWidth: 0 });

/** What the store holds for the cluster. */
export interface StoreRecords {
  stored: StoredSpec | undefined;
  status: ClusterStatus | undefined;
  history: HistoryEntry[];
}

/** Reads the records; an unreadable store is a failure like any other. */
export async function readStoreRecords(ctx: Context, name: string): Promise<StoreRecords> {
  const [stored, status, history] = await Promise.all([ctx.store.readSpec(name), ctx.store.readStatus(name), ctx.store.readHistory(name)]);
  return { stored, status, history };
}

/** The engine of the cluster: from its spec, else its last status, else the last history entry that names one. */
export function engineOf(records: StoreRecords): EngineName | undefined {
  return records.stored?.spec.engine ?? records.status?.engine ?? records.history.findLast((h) => h.spec)?.spec?.engine;
}

/** Adds kindling/spec.yaml, status.yaml, history.yaml, lock.yaml (when locked) and observed-status.yaml. */
export async function addStoreRecords(ctx: Context, name: string, records: StoreRecords, bundle: LogBundle): Promise<void> {
  if (records.stored) await bundle.add('kindling/spec.yaml', stringify(records.stored));
  if (records.status) await bundle.add('kindling/status.yaml', stringify(records.status));
  await bundle.add('kindling/history.yaml', stringify(records.history));
  try {
    const lock = await ctx.store.readLock(name);
    if (lock) await bundle.add('kindling/lock.yaml', stringify({ ...lock.info, live: lock.live }));
  } catch (err) {
    bundle.failed('state store: lock', err);
  }
  const engine = engineOf(records);
  if (!engine) return;
  try {
    await bundle.add('kindling/observed-status.yaml', stringify(await observeCluster(ctx, name, engine, undefined, { ignoreLock: true })));
  } catch (err) {
    bundle.failed('status observed in Docker', err);
  }
}
