// Expands the paths a user passed to `promote --from` into the manifest files to read, in a fixed order so that
// two runs over the same tree read (and therefore number and report) everything the same way.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { NotFoundError } from '../../errors.js';

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/;

async function statOrThrow(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new NotFoundError('manifest', `no such file or folder: ${path}`, 'check the paths given to --from');
  }
}

async function isFolder(dir: string, entry: Dirent): Promise<boolean> {
  if (entry.isSymbolicLink()) return (await stat(join(dir, entry.name))).isDirectory();
  return entry.isDirectory();
}

/** Every *.yaml, *.yml and *.json file under `dir`, depth first, names sorted; hidden entries are left out. */
async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (await isFolder(dir, entry)) files.push(...(await walk(path)));
    else if (MANIFEST_EXTENSIONS.test(entry.name)) files.push(path);
  }
  return files;
}

/**
 * The files to read for `paths`, in the order given; folders expand recursively to their manifest files, a file
 * named directly is read whatever its extension. Each file appears once. A missing path throws NotFoundError.
 */
export async function listManifestFiles(paths: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const path of paths) {
    const found = (await statOrThrow(path)).isDirectory() ? await walk(path) : [path];
    for (const file of found) {
      if (seen.has(resolve(file))) continue;
      seen.add(resolve(file));
      files.push(file);
    }
  }
  return files;
}
