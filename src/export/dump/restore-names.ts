// The names a claim's restore uses, shared by the bundle writer, the Job and the script so that they agree: the
// Job's name, the paths inside its pod, and the bundle paths of its manifest and of the claim's data. Namespaces
// and claim names are DNS names, so they are safe as path segments as they are.
import { createHash } from 'node:crypto';
import type { ClaimVolume } from './claim-volumes.js';

/** Where the Job mounts the claim and the archive folder, and the two files restore-data.sh writes there. */
export const RESTORE_PATHS = { data: '/data', dir: '/restore', archive: '/restore/data.tar.gz', done: '/restore/done' } as const;

const PREFIX = 'kindling-restore-';
// The Job controller copies the Job's name into the pods' job-name label, whose values stop at 63 characters.
const MAX_JOB_NAME = 63;
const HASH_LENGTH = 8;

/** `kindling-restore-<claim>`; a name too long for a label keeps its start and ends in a short hash of the claim. */
export function restoreJobName(claim: string): string {
  const name = `${PREFIX}${claim}`;
  if (name.length <= MAX_JOB_NAME) return name;
  const hash = createHash('sha256').update(claim).digest('hex').slice(0, HASH_LENGTH);
  // Cut before the hash, and never leave a `-` or `.` next to it.
  return `${name.slice(0, MAX_JOB_NAME - HASH_LENGTH - 1).replace(/[-.]+$/, '')}-${hash}`;
}

/** The Job's manifest in the state folder: `restore-jobs/<namespace>/<claim>.yaml`. */
export function restoreJobFile(v: Pick<ClaimVolume, 'namespace' | 'claim'>): string {
  return `restore-jobs/${v.namespace}/${v.claim}.yaml`;
}

/** The claim's data in the state folder: `volumes/<namespace>/<claim>.tar.gz`. */
export function volumeArchiveFile(v: Pick<ClaimVolume, 'namespace' | 'claim'>): string {
  return `volumes/${v.namespace}/${v.claim}.tar.gz`;
}
