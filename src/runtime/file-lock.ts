// The lock kubectl and client-go use for kubeconfig writes: `<file>.lock`, created exclusively. Waits for
// another writer; a lock older than `staleMs` was left by a crashed writer and is taken over.
import { open, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError } from '../errors.js';

/** How long to wait, and when a lock counts as abandoned. */
export interface FileLockOptions {
  timeoutMs?: number;
  staleMs?: number;
}

/** Runs `fn` while holding `<path>.lock`. */
export async function withFileLock<T>(path: string, fn: () => Promise<T>, opts: FileLockOptions = {}): Promise<T> {
  const lock = `${path}.lock`;
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const staleMs = opts.staleMs ?? 120_000;
  for (let attempt = 0; ; attempt++) {
    try {
      await (await open(lock, 'wx', 0o600)).close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > staleMs) {
        await rm(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ConflictError(
          'kubeconfig-locked',
          `${path} is locked (${lock} exists)`,
          `if no kubectl or kindling is writing it, remove ${lock}`,
        );
      }
      await sleep(Math.min(200, 10 + attempt * 10) + Math.random() * 20);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}
