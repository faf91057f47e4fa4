// The history entry every operation leaves in the state store: what it was, the steps it completed and how
// it ended. An operation carries its journal in its state, so that a step which removes the cluster from
// the store (down's forget-cluster) can close the journal itself, where the history is kept.
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { Context } from '../context.js';
import { KindlingError } from '../errors.js';
import type { HistoryEntry } from '../state/state-store.js';

/** One step's duration. */
export interface StepTiming {
  id: string;
  ms: number;
}

/** One operation's journal, filled in as it runs. */
export interface Journal {
  op: string;
  operationId: string;
  startedAt: string;
  /** Step ids completed so far, in order. */
  steps: string[];
  /** How long each completed step took, in order (milliseconds). */
  timings?: StepTiming[];
  /** The spec the operation worked towards, when it has one. */
  spec?: ClusterSpec;
  /** Set once the entry is written; nothing writes it twice. */
  closed: boolean;
}

/** What every operation's state carries. */
export interface OperationState {
  journal: Journal;
}

/** A new, open journal. */
export function openJournal(ctx: Context, op: string, operationId: string, spec?: ClusterSpec): Journal {
  return { op, operationId, startedAt: ctx.now().toISOString(), steps: [], timings: [], ...(spec ? { spec } : {}), closed: false };
}

/** The history entry for a journal and its outcome. */
export function journalEntry(ctx: Context, journal: Journal, outcome: HistoryEntry['outcome'], err?: unknown): HistoryEntry {
  const error =
    err === undefined
      ? undefined
      : err instanceof KindlingError
        ? { code: err.code, message: err.message }
        : { code: (err as { code?: string }).code ?? 'unexpected', message: String((err as Error).message ?? err) };
  return {
    op: journal.op,
    operationId: journal.operationId,
    startedAt: journal.startedAt,
    finishedAt: ctx.now().toISOString(),
    outcome,
    steps: [...journal.steps],
    ...(journal.timings && journal.timings.length > 0 ? { timings: [...journal.timings] } : {}),
    ...(journal.spec ? { spec: journal.spec } : {}),
    ...(error ? { error } : {}),
  };
}

/** Writes the entry unless already written, and only while the store still holds something of the
 * cluster (a first `up` that was rolled back leaves nothing, not even its history). */
export async function closeJournal(
  ctx: Context,
  cluster: string,
  journal: Journal,
  outcome: HistoryEntry['outcome'],
  err?: unknown,
): Promise<void> {
  if (journal.closed) return;
  journal.closed = true;
  if (await ctx.store.has(cluster)) await ctx.store.appendHistory(cluster, journalEntry(ctx, journal, outcome, err));
}
