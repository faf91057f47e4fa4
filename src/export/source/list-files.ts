// Expands the paths a user passed to `promote --from` into the manifest files to read, in a fixed order so that
// two runs over the same tree read (and therefore number and report) everything the same way.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { NotFoundError } from '../../errors.js';

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/;

async function statOrThrow(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A path no file can have (below a file, too long, a NUL byte) is not found either.
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENAMETOOLONG' && code !== 'ERR_INVALID_ARG_VALUE') throw err;
    throw new NotFoundError('manifest', `no such file or folder: ${path}`, 'check the paths given to --from');
  }
}

/** A path under --from that is not read, and why (a dangling link, a link back into a folder being walked). */
export interface UnreadPath {
  file: string;
  reason: string;
}

/** What a symbolic link points at: a folder, a file, or nothing (dangling). */
async function linkTarget(path: string): Promise<'folder' | 'file' | 'dangling'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR') return 'dangling';
    throw err;
  }
}

/** Every *.yaml, *.yml and *.json file under `dir`, depth first, names sorted; hidden entries are left out. Links are
 * followed, except a dangling one and one that leads back into a folder being walked: those are reported. */
async function walk(dir: string, unread: UnreadPath[], walking: Set<string>): Promise<string[]> {
  const real = await realpath(dir);
  walking.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const kind = entry.isSymbolicLink() ? await linkTarget(path) : entry.isDirectory() ? 'folder' : 'file';
    if (kind === 'dangling') {
      if (MANIFEST_EXTENSIONS.test(entry.name) || !entry.name.includes('.'))
        unread.push({ file: path, reason: 'a symbolic link to nothing: not read' });
    } else if (kind === 'folder') {
      if (walking.has(await realpath(path)))
        unread.push({ file: path, reason: 'a symbolic link back into a folder being read (a loop): not followed' });
      else files.push(...(await walk(path, unread, walking)));
    } else if (MANIFEST_EXTENSIONS.test(entry.name)) files.push(path);
  }
  walking.delete(real);
  return files;
}

/**
 * The files to read for `paths`, in the order given; folders expand recursively to their manifest files, a file
 * named directly is read whatever its extension. Each file appears once. A missing path throws NotFoundError;
 * links that cannot be followed are returned as `unread`.
 */
export async function listManifestFiles(paths: readonly string[]): Promise<{ files: string[]; unread: UnreadPath[] }> {
  const seen = new Set<string>();
  const files: string[] = [];
  const unread: UnreadPath[] = [];
  for (const path of paths) {
    const found = (await statOrThrow(path)).isDirectory() ? await walk(path, unread, new Set()) : [path];
    for (const file of found) {
      if (seen.has(resolve(file))) continue;
      seen.add(resolve(file));
      files.push(file);
    }
  }
  return { files, unread };
}
