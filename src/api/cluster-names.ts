// The clusters a verb acts on: the names given, or with `all` every cluster in the store.
import type { Context } from '../context.js';
import { InvalidInputError } from '../errors.js';

/** The names to act on, in order; InvalidInputError when there are none and `all` is not set. */
export async function clusterNames(ctx: Context, opts: { names?: readonly string[]; all?: boolean }, verb: string): Promise<string[]> {
  const names = opts.all ? await ctx.store.list() : [...(opts.names ?? [])];
  if (!opts.all && names.length === 0) throw new InvalidInputError(`name at least one cluster to ${verb}, or pass --all`);
  return names;
}
