// The journal of the operation running on a cluster, kept in the state store while it runs (the `operation`
// record): what it intends to do, the steps done so far, who runs it (host, pid) and the engine child it waits for.
// Written before the first step and after each one, removed when the operation ends; so one that is still there
// while no live process holds it was interrupted (SIGKILL, the OOM killer, a power cut), and says how far it got.
import type { Context } from '../context.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { StateStore } from '../state/state-store.js';

/** The record's key in the store (clusters/<name>/operation.json in a directory store). */
export const OPERATION_RECORD = 'operation';

/** What an interrupted recreate (upgrade) needs to be continued (`--resume`) or undone (`--rollback`). */
export interface RecreateResume {
  /** The spec the recreate makes (recorded at its end). */
  wanted: ClusterSpec;
  /** The snapshot restored into the new cluster, and the old one's way back. */
  snapshot: string;
  /** Whether this operation takes that snapshot itself (its first step) or restores one that exists. */
  snapshotTaken: boolean;
  /** The API server address the cluster keeps across the recreate. */
  apiServer?: string;
}

/** What the operation-specific part of a journal may say: enough for the next command to continue or clean up. */
export interface OperationDetail {
  /** A recreate's spec, snapshot and address. */
  recreate?: RecreateResume;
  /** `snapshot create`: the snapshot being written (unfinished until its manifest is). */
  snapshot?: string;
}

/** An operation in progress (or interrupted). */
export interface RunningOperation extends OperationDetail {
  op: string;
  operationId: string;
  startedAt: string;
  /** The machine and process running it. */
  host: string;
  pid: number;
  /** Step ids in the order planned. */
  intended: string[];
  /** Step ids done so far, in order. */
  completed: string[];
  /** The engine binary's process (kind, k3d) while one runs: after a SIGKILL of kindling it lives on as an orphan. */
  enginePid?: number;
  /** `up --retain`: keep what was made if it fails (an interrupted one is not rolled back either). */
  retain?: boolean;
}

/** The record of the operation on `name`, or undefined when none runs (and none was interrupted). */
export async function readOperation(store: StateStore, name: string): Promise<RunningOperation | undefined> {
  return store.readRecord<RunningOperation>(name, OPERATION_RECORD);
}

/** Whether `record`'s process is gone: a pid on this host that no longer lives (another machine's cannot be checked). */
export function isOrphaned(record: RunningOperation, host: string, isAlive: (pid: number) => boolean): boolean {
  return record.host === host && !isAlive(record.pid);
}

/** Writes (or replaces) the record. */
export async function writeOperation(ctx: Context, name: string, record: RunningOperation): Promise<void> {
  await ctx.store.writeRecord(name, OPERATION_RECORD, record);
}

/** Clears the record: the operation ended. */
export async function clearOperation(ctx: Context, name: string): Promise<void> {
  await ctx.store.removeRecord(name, OPERATION_RECORD);
}
