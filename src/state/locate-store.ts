// Decides where the state store lives: --state, else KINDLING_STATE, else the XDG state directory; an s3:// URL
// is a store on S3, whose local cache (kubeconfig copies) lives in the XDG cache directory.
import { join } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { parseS3Url } from '../runtime/s3-backend.js';

/** The store location from the flag and the environment given. */
export function stateLocation(flag: string | undefined, env: Record<string, string | undefined>): string {
  const chosen = flag ?? env.KINDLING_STATE;
  if (chosen) {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(chosen) && parseS3Url(chosen) === undefined) {
      throw new InvalidInputError(
        `state store "${chosen}": a state store is a directory or s3://BUCKET[/PREFIX]`,
        'pass --state DIR or --state s3://bucket/prefix (a bucket name is 3-63 lower-case letters, digits, "." and "-")',
      );
    }
    return chosen;
  }
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'kindling');
  if (!env.HOME)
    throw new InvalidInputError('cannot find a place for the state store: HOME is not set', 'pass --state DIR or set KINDLING_STATE');
  return join(env.HOME, '.local', 'state', 'kindling');
}

/** The local cache folder of an S3 store: $XDG_CACHE_HOME/kindling/s3/<bucket>/<prefix>, else ~/.cache/... */
export function s3CacheDir(bucket: string, prefix: string, env: Record<string, string | undefined>): string {
  const base = env.XDG_CACHE_HOME ?? (env.HOME ? join(env.HOME, '.cache') : undefined);
  if (!base) throw new InvalidInputError("cannot find a place for the S3 store's cache: HOME is not set", 'set XDG_CACHE_HOME or HOME');
  return join(base, 'kindling', 's3', bucket, ...prefix.split('/').filter(Boolean));
}
