// kindling's entries in the temp folder (TMPDIR, else the system's): the engines' throwaway folders
// (`kindling-XXXXXX`, engines/temp-file.ts) and the kind network's file lock, with when each last changed.
import { readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import type { TempFact } from '../../plan/prune-facts.js';

/** The temp folder kindling's engines use. */
export function tempRoot(ctx: Context): string {
  return ctx.env.TMPDIR ?? tmpdir();
}

/** Every `kindling-*` entry of the temp folder (the plan picks the stale ones). */
export async function listTempEntries(ctx: Context): Promise<TempFact[]> {
  const root = tempRoot(ctx);
  const names = (await readdir(root).catch(() => [] as string[])).filter((n) => n.startsWith('kindling-'));
  const facts = await Promise.all(
    names.map(async (name): Promise<TempFact | undefined> => {
      const path = join(root, name);
      const s = await stat(path).catch(() => undefined);
      return s && { path, name, directory: s.isDirectory(), modified: s.mtime.toISOString() };
    }),
  );
  return facts.filter((f): f is TempFact => f !== undefined);
}
