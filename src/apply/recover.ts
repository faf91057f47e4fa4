// What the next command does about an operation that was killed outright (SIGKILL, the OOM killer), seen from
// its journal in the store (operation-record.ts) or, for one killed before it wrote that, its dead lock. First the
// engine child it left running (kind or k3d, still creating as an orphan) is stopped; then an interrupted `up` is
// rolled back (unless it was --retain) and an interrupted `down` is finished, both by running down's steps; an
// interrupted `upgrade` keeps its journal for `upgrade N --resume` or `--rollback`, and every other command but
// `down` refuses the cluster until one of them has run; an interrupted `snapshot create` loses its unfinished
// snapshot, and a cluster it had stopped is started again; any other operation leaves the cluster as it was, and
// only its stale lock and journal are cleared. Says so in one line.
import type { Context } from '../context.js';
import { ConflictError } from '../errors.js';
import { realProcessTable } from '../runtime/process-table.js';
import { applyDown } from './down/run-down.js';
import { OPERATION_RECORD, readOperation, type RunningOperation } from './operation-record.js';
import { applyStart } from './start/run-start.js';
import { stopEngine } from './prune/stop-engine.js';
import { sweepLeftovers } from './sweep.js';

/** What recovery did, for the caller to print (one line), or undefined when nothing was interrupted. */
export interface Recovery {
  op: string;
  /** pending: an upgrade that waits for `upgrade --resume` or `--rollback` (its journal is kept). */
  action: 'rolled-back' | 'finished' | 'cleared' | 'kept' | 'pending';
  message: string;
  /** The orphaned engine process that was stopped. */
  stoppedPid?: number;
}

/** Recovers `name` from an interrupted operation, if there is one whose process is gone. */
export async function recoverInterrupted(ctx: Context, name: string): Promise<Recovery | undefined> {
  const record = await readOperation(ctx.store, name);
  const lock = await ctx.store.readLock(name);
  // The lock is held (and renewed) for as long as the operation runs: a journal without a live lock is orphaned.
  if (lock?.live) return undefined;
  if (record && record.completed.length === record.intended.length) {
    // Killed after its last step, before it cleared its journal: it is done.
    await clearStale(ctx, name);
    return undefined;
  }
  const interrupted: RunningOperation | undefined = record;
  // An up or down killed before it wrote its journal: its dead lock is all there is.
  const op = interrupted?.op ?? (lock && (lock.info.op === 'up' || lock.info.op === 'down') ? lock.info.op : undefined);
  if (op === undefined) return undefined;
  const stoppedPid = interrupted?.enginePid ? await stopOrphanEngine(interrupted.enginePid) : undefined;
  const where = interrupted
    ? `after ${interrupted.completed.length} of ${interrupted.intended.length} steps${interrupted.completed.length > 0 ? ` (last: ${interrupted.completed.at(-1)})` : ''}`
    : 'before its first step';
  const who = `pid ${interrupted?.pid ?? lock?.info.pid} on ${interrupted?.host ?? lock?.info.host}`;
  const stopped = stoppedPid ? `; its orphaned engine process ${stoppedPid} was stopped` : '';
  if (op === 'up' && interrupted?.retain) {
    await clearStale(ctx, name);
    return {
      op,
      action: 'kept',
      message: `an interrupted "up --retain" of "${name}" (${who}) stopped ${where}: what it made is kept${stopped}`,
      ...(stoppedPid ? { stoppedPid } : {}),
    };
  }
  if (op === 'up' || op === 'down') {
    await undoOrFinish(ctx, name);
    const action = op === 'up' ? 'rolled-back' : 'finished';
    const verb = op === 'up' ? 'rolled back' : 'finished';
    return {
      op,
      action,
      message: `an interrupted "${op}" of "${name}" (${who}) stopped ${where}: ${verb}${stopped}`,
      ...(stoppedPid ? { stoppedPid } : {}),
    };
  }
  if (op === 'upgrade' && interrupted?.recreate) {
    await clearDeadLock(ctx, name);
    const back = interrupted.completed.includes('delete-cluster') ? 'its old cluster is deleted' : 'its old cluster still runs';
    return {
      op,
      action: 'pending',
      message: `an interrupted "upgrade" of "${name}" (${who}) stopped ${where}; ${back}: continue it with \`kindling upgrade ${name} --resume\` or undo it with \`kindling upgrade ${name} --rollback\` (snapshot ${name}/${interrupted.recreate.snapshot})${stopped}`,
      ...(stoppedPid ? { stoppedPid } : {}),
    };
  }
  if (op === 'snapshot' && interrupted) return snapshotRecovery(ctx, name, interrupted, `${who}) stopped ${where}`, stopped, stoppedPid);
  await clearStale(ctx, name);
  const hint = op === 'upgrade' || op === 'scale' ? ` (its snapshot is kept: \`kindling snapshot list ${name}\`)` : '';
  return {
    op,
    action: 'cleared',
    message: `an interrupted "${op}" of "${name}" (${who}) stopped ${where}: its lock is cleared; see \`kindling status ${name}\`${hint}${stopped}`,
    ...(stoppedPid ? { stoppedPid } : {}),
  };
}

/** down's steps over whatever there is; with no spec stored (killed before it recorded one), a sweep by name. */
async function undoOrFinish(ctx: Context, name: string): Promise<void> {
  const stored = await ctx.store.readSpec(name);
  if (stored) {
    await applyDown(ctx, name);
    return;
  }
  for (const engine of ['kind', 'k3d'] as const) await sweepLeftovers(ctx, name, engine);
  await clearStale(ctx, name);
  if (!(await ctx.store.has(name))) await ctx.store.remove(name);
}

/** An interrupted `snapshot create`: its unfinished snapshot removed, the cluster started again if it stopped it. */
async function snapshotRecovery(
  ctx: Context,
  name: string,
  record: RunningOperation,
  what: string,
  stopped: string,
  stoppedPid: number | undefined,
): Promise<Recovery> {
  const unfinished = record.snapshot !== undefined && !record.completed.includes('write-manifest');
  if (unfinished) await ctx.store.removeSnapshot(name, record.snapshot!);
  await clearStale(ctx, name);
  const wasStopped = record.completed.includes('stop-cluster') && !record.completed.includes('start-cluster');
  if (wasStopped) await applyStart(ctx, name, { timeoutMs: 5 * 60_000, waitMs: 5 * 60_000 });
  const did = [
    ...(unfinished ? [`its unfinished snapshot ${name}/${record.snapshot} is removed`] : []),
    ...(wasStopped ? ['the cluster it had stopped is started again'] : []),
  ];
  return {
    op: 'snapshot',
    action: 'cleared',
    message: `an interrupted "snapshot" of "${name}" (${what}: ${did.length > 0 ? did.join('; ') : 'its lock is cleared'}${stopped}`,
    ...(stoppedPid ? { stoppedPid } : {}),
  };
}

async function clearStale(ctx: Context, name: string): Promise<void> {
  await ctx.store.removeRecord(name, OPERATION_RECORD);
  await clearDeadLock(ctx, name);
}

/** Removes the cluster's lock if its holder is gone (a live one is left). */
export async function clearDeadLock(ctx: Context, name: string): Promise<void> {
  const lock = await ctx.store.readLock(name);
  if (lock && !lock.live) await ctx.store.removeLock(name);
}

/** Stops a live kind or k3d process (as prune does); the pid, or undefined when there was none to stop. */
export async function stopOrphanEngine(pid: number): Promise<number | undefined> {
  if (!realProcessTable.isAlive(pid)) return undefined;
  // A pid may have been reused since: only a process whose program is kind or k3d is stopped.
  const program = (await realProcessTable.commandLine(pid))?.[0] ?? '';
  if (!/(^|\/)(kind|k3d)[^/]*$/.test(program)) return undefined;
  await stopEngine(realProcessTable, pid);
  return pid;
}

/**
 * Recovers `name` first, if it was interrupted, and says what was done as a warning (one line). An upgrade that
 * waits for `--resume` or `--rollback` refuses the command (ConflictError, exit 4) unless `pending` is 'allow'
 * (`down`, which deletes it all anyway).
 */
export async function recoverBeforeUse(ctx: Context, name: string, opts: { pending?: 'refuse' | 'allow' } = {}): Promise<void> {
  const recovery = await recoverInterrupted(ctx, name);
  if (!recovery) return;
  if (recovery.action === 'pending' && opts.pending !== 'allow') {
    throw new ConflictError(
      'upgrade-interrupted',
      recovery.message,
      `run \`kindling upgrade ${name} --resume\` or \`kindling upgrade ${name} --rollback\` first (or \`kindling down ${name}\` to delete it)`,
    );
  }
  ctx.logger.warn(recovery.message);
}
