// The stored spec of a cluster an operation acts on, or NotFoundError naming the store.
import type { Context } from '../context.js';
import { NotFoundError } from '../errors.js';
import type { StoredSpec } from '../state/state-store.js';

/** The stored spec of `name`; NotFoundError (exit 3) when the store does not know it. */
export async function storedCluster(ctx: Context, name: string, hint = 'see `kindling list`'): Promise<StoredSpec> {
  const stored = await ctx.store.readSpec(name);
  if (!stored) throw new NotFoundError('cluster', `no cluster named "${name}" in the state store (${ctx.store.location})`, hint);
  return stored;
}
