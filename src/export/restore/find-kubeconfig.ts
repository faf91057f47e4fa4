// The kubeconfig that reaches the context restore was given: the user's files first, in kubectl's order
// (--kubeconfig, else $KUBECONFIG, else ~/.kube/config), then the clusters kindling keeps in its state store.
import { delimiter, join, resolve } from 'node:path';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { selectContext } from '../../kubeconfig/select-context.js';
import { readIfExists } from './read-if-exists.js';
import type { RestoreRequest } from './restore-request.js';

/** The kubeconfig text that selects `req.context`; throws NotFoundError naming every place it looked. */
export async function kubeconfigFor(ctx: Context, req: Pick<RestoreRequest, 'context' | 'kubeconfig'>): Promise<string> {
  const files =
    req.kubeconfig !== undefined
      ? [resolve(ctx.cwd, req.kubeconfig)]
      : (ctx.env.KUBECONFIG ?? '')
          .split(delimiter)
          .filter(Boolean)
          .concat(ctx.env.KUBECONFIG ? [] : ctx.env.HOME ? [join(ctx.env.HOME, '.kube', 'config')] : []);
  for (const file of files) {
    const text = await readIfExists(file);
    const selected = text === undefined ? undefined : selectContext(text, req.context);
    if (selected !== undefined) return selected;
  }
  if (req.kubeconfig === undefined) {
    for (const name of await ctx.store.list()) {
      const path = await ctx.store.kubeconfigPath(name);
      const text = path === undefined ? undefined : await readIfExists(path);
      const selected = text === undefined ? undefined : selectContext(text, req.context);
      if (selected !== undefined) return selected;
    }
  }
  throw new NotFoundError(
    'context',
    `no kubeconfig context named "${req.context}" (looked in ${files.join(', ') || 'no kubeconfig'}${req.kubeconfig === undefined ? " and in kindling's clusters" : ''})`,
    'see `kubectl config get-contexts`, or pass --kubeconfig FILE',
  );
}
