// The user's kubeconfig: which file (kubectl's rules), and merging or removing a cluster's entries in it
// under the kubectl lock, with a backup of the previous content and an atomic replace.
import { chmod, copyFile, readFile, realpath, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { InvalidInputError, KubeconfigInvalidError } from '../errors.js';
import { writeFileAtomic } from '../runtime/atomic-write.js';
import { mergeKubeconfig, removeFromKubeconfig, type KubeconfigNames } from './entries.js';
import { withFileLock } from '../runtime/file-lock.js';
import { makeDirs } from '../runtime/make-dirs.js';

/** The state-store record key of what was merged where (a MergeRecord). */
export const MERGE_RECORD = 'kubeconfig-merge';

/** What kindling added to which file, so that `down` removes exactly that. */
export interface MergeRecord {
  file: string;
  names: KubeconfigNames;
  previousContext?: string;
}

/** kubectl's choice: the first existing file of $KUBECONFIG, else its last entry; else ~/.kube/config. */
export function userKubeconfigPath(env: Record<string, string | undefined>, exists: (p: string) => boolean = existsSync): string {
  const list = (env.KUBECONFIG ?? '').split(delimiter).filter(Boolean);
  if (list.length > 0) return list.find(exists) ?? list[list.length - 1]!;
  if (!env.HOME)
    throw new InvalidInputError('cannot find your kubeconfig: neither KUBECONFIG nor HOME is set', 'set KUBECONFIG, or pass --no-merge');
  return join(env.HOME, '.kube', 'config');
}

/** Runs a text change; a parse error in the text names the file it came from. */
function changeNamingFile(file: string, change: () => string): string {
  try {
    return change();
  } catch (err) {
    throw err instanceof KubeconfigInvalidError ? err.inFile(file) : err;
  }
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const real = await realpath(file).catch(() => file); // write through a symlink, not over it
  await makeDirs(dirname(real), 0o700);
  await withFileLock(real, async () => {
    const before = await readFile(real, 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return undefined;
      throw e;
    });
    const after = changeNamingFile(real, () => change(before ?? ''));
    if (after === before) return;
    const mode = before === undefined ? 0o600 : (await stat(real)).mode & 0o777;
    if (before !== undefined) {
      await copyFile(real, `${real}.kindling-backup`);
      await chmod(`${real}.kindling-backup`, 0o600);
    }
    await writeFileAtomic(real, after, mode);
  });
}

/** Merges `content` (one cluster's kubeconfig) into `file`; returns what was added. */
export async function mergeIntoUserKubeconfig(
  file: string,
  content: string,
  opts: { switchContext: boolean },
): Promise<MergeRecord & { replaced: string[] }> {
  let record: MergeRecord & { replaced: string[] } = { file, names: { clusters: [], users: [], contexts: [] }, replaced: [] };
  await edit(file, (text) => {
    const r = mergeKubeconfig(text, content, opts);
    record = { file, names: r.added, replaced: r.replaced, ...(r.previousContext ? { previousContext: r.previousContext } : {}) };
    return r.text;
  });
  return record;
}

/** Removes exactly the entries a merge added. A missing file means there is nothing to remove. */
export async function removeFromUserKubeconfig(record: MergeRecord): Promise<void> {
  if (!existsSync(record.file)) return;
  await edit(record.file, (text) => removeFromKubeconfig(text, record.names, record.previousContext));
}
