// The one rule both stores apply when a spec is written: the new generation is the stored one plus one, and
// nothing else. Two machines that read generation 4 cannot both write 5: the store checks and writes as one
// (a file lock; on S3 a write conditional on the version read), and the one that comes second is refused.
import { ConflictError } from '../errors.js';

/** Throws ConflictError 'generation-conflict' unless `next` may follow `current` (undefined: no spec yet). */
export function checkGeneration(name: string, current: number | undefined, next: number): void {
  const ok = current === undefined ? next >= 1 : next === current + 1;
  if (ok) return;
  throw generationConflict(name, current, next);
}

/** The error for a spec written over another machine's newer write. */
export function generationConflict(name: string, current: number | undefined, next: number): ConflictError {
  return new ConflictError(
    'generation-conflict',
    `the spec of "${name}" changed while this command ran: it is at generation ${current ?? '?'} now, this command wrote ${next}`,
    `another machine or command changed it; re-read it (\`kindling status ${name}\`) and run the command again`,
  );
}
