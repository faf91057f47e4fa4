// The error of a holder whose lock was taken over (it expired while the operation ran, or was forced away).
import { ConflictError } from '../errors.js';
import type { LockInfo } from './state-store.js';

/** ConflictError 'lock-lost' for the holder `info` of the lock of `name`. */
export function lostLock(name: string, info: LockInfo): ConflictError {
  return new ConflictError(
    'lock-lost',
    `the lock of "${name}" taken by "${info.op}" at ${info.started} is no longer this command's: it expired or was removed (kindling unlock --force)`,
    `see who holds it now with \`kindling state show ${name}\`; run the command again once it is free`,
  );
}
