// The directory store's folder, checked once before first use: a path that is a file (--state naming a file), a
// parent that is a file, or a folder that cannot be made (--state /proc/nope) is a clear error naming the path,
// never a store that quietly reads as empty or a command that hangs retrying.
import { stat } from 'node:fs/promises';
import { EnvironmentError, InvalidInputError } from '../errors.js';
import { makeDirs } from '../runtime/make-dirs.js';

const HINT = 'give --state (or KINDLING_STATE) a folder you can write, or s3://bucket/prefix';

/** Makes `root` if it is absent; throws InvalidInputError (not a folder) or EnvironmentError (cannot be made). */
export async function checkStoreRoot(root: string): Promise<void> {
  try {
    const found = await stat(root);
    if (!found.isDirectory()) throw new InvalidInputError(`the state store ${root} is a file, not a folder`, HINT);
    return;
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new InvalidInputError(`the state store ${root} is inside a file, not a folder`, HINT);
    if (code !== 'ENOENT') throw cannotUse(root, err as NodeJS.ErrnoException);
  }
  try {
    await makeDirs(root, 0o700);
  } catch (err) {
    throw cannotUse(root, err as NodeJS.ErrnoException);
  }
}

function cannotUse(root: string, err: NodeJS.ErrnoException): EnvironmentError {
  const why = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : (err.code ?? err.message);
  return new EnvironmentError('state-store-unusable', `cannot use the state store folder ${root}: ${why}`, HINT);
}

/** `store` with every method waiting for `check` (run once) first. */
export function afterCheck<T extends object>(store: T, check: () => Promise<void>): T {
  let checked: Promise<void> | undefined;
  const guarded = { ...store } as Record<string, unknown>;
  for (const [key, value] of Object.entries(store)) {
    if (typeof value !== 'function') continue;
    guarded[key] = async (...args: unknown[]) => {
      await (checked ??= check());
      return (value as (...a: unknown[]) => unknown).apply(store, args);
    };
  }
  return guarded as T;
}
