// Decides where the state store lives: --state, else KINDLING_STATE, else the XDG state directory.
import { join } from 'node:path';
import { InvalidInputError } from '../errors.js';

/** The store location from the flag and the environment given. */
export function stateLocation(flag: string | undefined, env: Record<string, string | undefined>): string {
  const chosen = flag ?? env.KINDLING_STATE;
  if (chosen) {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(chosen)) {
      throw new InvalidInputError(
        `state store "${chosen}": only a local directory is supported in this version (s3:// is planned)`,
        'pass --state DIR or set KINDLING_STATE to a directory',
      );
    }
    return chosen;
  }
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'kindling');
  if (!env.HOME)
    throw new InvalidInputError('cannot find a place for the state store: HOME is not set', 'pass --state DIR or set KINDLING_STATE');
  return join(env.HOME, '.local', 'state', 'kindling');
}
