// The engine's own log export (kind export logs; k3d's cluster and node lists), made in a private temp folder
// and added file by file under engine/. A failed export is noted and whatever it wrote still goes in.
import { lstat, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { withTempDir } from '../engines/temp-file.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { LogBundle } from './bundle.js';

/** Every regular file under `dir`, as paths relative to it, sorted. */
async function filesUnder(dir: string): Promise<string[]> {
  const all = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const files: string[] = [];
  for (const rel of all.sort()) if ((await lstat(join(dir, rel))).isFile()) files.push(rel);
  return files;
}

/** Runs the export into a temp folder under `tmpDir` and adds what it wrote under engine/. */
export async function addEngineExport(ctx: Context, spec: ClusterSpec, tmpDir: string, bundle: LogBundle): Promise<void> {
  await withTempDir(tmpDir, async (dir) => {
    const out = join(dir, 'export');
    try {
      await (await ctx.engine(spec.engine)).exportLogs(spec, out);
    } catch (err) {
      bundle.failed(`${spec.engine}: export logs`, err);
    }
    for (const rel of await filesUnder(out)) await bundle.add(`engine/${rel}`, await readFile(join(out, rel), 'utf8'));
  });
}
