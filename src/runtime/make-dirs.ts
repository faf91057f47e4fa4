// `mkdir -p` that always returns. Node's recursive mkdir spins forever (100% CPU) when the kernel answers ENOENT
// for a folder whose parent exists, as /proc does (`--state /proc/nope`): this one walks up to the nearest folder
// that exists, then makes each missing level once, and passes any error on.
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes `path` and any missing parents (each with `mode`); a no-op when it exists as a folder. */
export async function makeDirs(path: string, mode = 0o777): Promise<void> {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    const found = await stat(current).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (found !== undefined) {
      if (!found.isDirectory())
        throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), { code: 'ENOTDIR', path: current });
      break;
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of missing) {
    await mkdir(dir, { mode }).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}
