// A cluster the store knows but Docker no longer holds cannot be stopped or started: say how to bring it back.
import { ConflictError } from '../errors.js';
import type { ClusterStatus } from '../model/cluster-status.js';

/** Throws ConflictError (exit 4) when the observed cluster is `missing`. */
export function refuseMissing(status: ClusterStatus, op: string): void {
  if (status.phase !== 'missing') return;
  throw new ConflictError(
    'cluster-missing',
    `cannot ${op} cluster "${status.name}": none of its containers exists in Docker (deleted outside kindling?)`,
    `run \`kindling up\` with the same preset and name to create it again, or \`kindling down ${status.name}\` to forget it`,
  );
}
