// `upgrade N --resume` and `upgrade N --rollback`: what the user does about an upgrade that was killed outright
// (its journal, the `operation` record, says how far it got; recover.ts keeps it for this). Its orphaned engine
// child is stopped and its dead lock cleared first. Then, from the snapshot the upgrade took:
//   resume    makes the new version: a fresh upgrade when the snapshot was never finished (the old cluster was not
//             touched yet), else the rest of the recreate from that snapshot (whatever is half-made is deleted);
//   rollback  makes the old version again from the snapshot when the old cluster was deleted; else there is
//             nothing to undo and only the journal (and an unfinished snapshot) goes.
// Either is journalled like any recreate, so an interrupted --resume can itself be resumed.
import type { Context } from '../../context.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { OPERATION_RECORD, readOperation, type RunningOperation } from '../operation-record.js';
import { clearDeadLock, stopOrphanEngine } from '../recover.js';
import { applyRecreate, planRecreateOf, type RecreateApplyOptions, type RecreateOutcome } from './run-recreate.js';

/** How to handle the interrupted upgrade, and the time limits of the recreate. */
export interface ResumeUpgradeOptions {
  mode: 'resume' | 'rollback';
  timeoutMs: number;
  waitMs: number;
}

/** The interrupted upgrade of `name`, or an error saying there is none (or that it still runs). */
async function interruptedUpgrade(
  ctx: Context,
  name: string,
  mode: string,
): Promise<RunningOperation & Required<Pick<RunningOperation, 'recreate'>>> {
  const lock = await ctx.store.readLock(name);
  if (lock?.live) {
    throw new ConflictError(
      'cluster-busy',
      `cluster "${name}" is busy: "${lock.info.op}" runs on it (pid ${lock.info.pid} on ${lock.info.host})`,
      'wait for it to finish, then try again',
    );
  }
  const record = await readOperation(ctx.store, name);
  if (record?.op !== 'upgrade' || !record.recreate || record.completed.length === record.intended.length) {
    throw new NotFoundError(
      'interrupted-upgrade',
      `no interrupted upgrade of "${name}" to ${mode}`,
      `\`kindling status ${name}\` shows the version it runs; \`kindling upgrade ${name} --k8s-version V\` starts an upgrade`,
    );
  }
  return record as RunningOperation & Required<Pick<RunningOperation, 'recreate'>>;
}

/** Continues or undoes the interrupted upgrade of `name`; `unchanged` when there was nothing to do to the cluster. */
export async function resumeUpgrade(
  ctx: Context,
  name: string,
  opts: ResumeUpgradeOptions,
): Promise<RecreateOutcome & { unchanged: boolean }> {
  const record = await interruptedUpgrade(ctx, name, opts.mode);
  const { wanted, snapshot, snapshotTaken, apiServer } = record.recreate;
  if (record.enginePid) await stopOrphanEngine(record.enginePid);
  const snapshotDone = !snapshotTaken || record.completed.includes('take-snapshot');
  const deleted = record.completed.includes('delete-cluster');
  await clearDeadLock(ctx, name);
  await ctx.store.removeRecord(name, OPERATION_RECORD);
  // A snapshot the upgrade did not finish holds only part of the cluster: it is taken again, or not at all.
  if (!snapshotDone) await ctx.store.removeSnapshot(name, snapshot);
  const base = {
    reason: 'upgrade' as const,
    timeoutMs: opts.timeoutMs,
    waitMs: opts.waitMs,
    allowMissing: true,
    ...(apiServer ? { apiServer } : {}),
  };
  const fromSnapshot: Pick<RecreateApplyOptions, 'snapshot' | 'takeAs'> = snapshotDone ? { snapshot } : { takeAs: snapshot };
  if (opts.mode === 'rollback') {
    const keep: RecreateApplyOptions = { ...base, wanted: (current) => current, snapshot };
    if (!deleted) {
      ctx.logger.info(`the interrupted upgrade of "${name}" had not deleted the old cluster: nothing to undo`);
      return { plan: (await planRecreateOf(ctx, name, keep)).plan, unchanged: true };
    }
    return { ...(await applyRecreate(ctx, name, keep)), unchanged: false };
  }
  return { ...(await applyRecreate(ctx, name, { ...base, wanted: () => wanted, ...fromSnapshot })), unchanged: false };
}
