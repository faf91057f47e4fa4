// `kubeconfig`: the stored kubeconfig of a cluster, as a path and as content.
import { readFile } from 'node:fs/promises';
import { NotFoundError } from '../errors.js';
import { createContext } from './create-context.js';
import type { CommonOptions } from '../context.js';

/** Where a cluster's kubeconfig is and what it says. */
export interface KubeconfigResult {
  name: string;
  path: string;
  content: string;
}

/** Reads the kubeconfig kindling stored for `name`. */
export async function kubeconfig(opts: CommonOptions & { name: string }): Promise<KubeconfigResult> {
  const ctx = createContext(opts);
  const path = await ctx.store.kubeconfigPath(opts.name);
  if (!path) {
    const known = await ctx.store.readSpec(opts.name);
    throw new NotFoundError(
      'cluster',
      known
        ? `cluster "${opts.name}" has no stored kubeconfig (it never finished creating)`
        : `no cluster named "${opts.name}" in the state store (${ctx.store.location})`,
      known ? `run \`kindling down ${opts.name}\` and \`kindling up\` again` : 'see `kindling list`',
    );
  }
  return { name: opts.name, path, content: await readFile(path, 'utf8') };
}
