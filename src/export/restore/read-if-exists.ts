// Optional files: a kubeconfig that may not exist, a bundle that may have no volume script.
import { readFile } from 'node:fs/promises';

/** The file's text, or undefined when there is no such file (or it is a folder); other errors are thrown. */
export async function readIfExists(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'EISDIR') return undefined;
    throw err;
  });
}
