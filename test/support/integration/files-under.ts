// Every file under a folder, by its path relative to it, with its text: for comparing two bundles' base/.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Relative path -> text, for every file under `dir`. */
export async function filesUnder(dir: string, prefix = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of await filesUnder(join(dir, entry.name), rel)) out.set(k, v);
    else out.set(rel, await readFile(join(dir, entry.name), 'utf8'));
  }
  return out;
}
