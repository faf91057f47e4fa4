// The record a lock holds, the same in both stores: who took it, for what, since when, until when.
import type { LockInfo } from './state-store.js';

/** A new lock's record, valid for the environment's time to live. */
export function newLockInfo(
  env: { now: () => Date; owner: string; hostname: string; pid: number; lockTtlMs: number },
  op: string,
  operationId: string,
): LockInfo {
  const now = env.now();
  return {
    op,
    operationId,
    owner: env.owner,
    host: env.hostname,
    pid: env.pid,
    started: now.toISOString(),
    expires: new Date(now.getTime() + env.lockTtlMs).toISOString(),
  };
}
