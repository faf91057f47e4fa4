// Registry containers and records prune removes, each under its record's lock and checked again there: a
// cluster that started using the registry since prune looked keeps it (and its record).
import type { Context } from '../../context.js';
import type { PrunePlan, StoreEntry } from '../../plan/prune-facts.js';

type RegistryContainer = PrunePlan['containers'][number];

/** Removes a registry container the plan found unused, unless it has users now; returns whether it did. */
export async function removeRegistry(ctx: Context, container: RegistryContainer, entry: StoreEntry | undefined): Promise<boolean> {
  const docker = await ctx.docker();
  let removed = false;
  await ctx.store.updateRegistry(container.registry!, async (current) => {
    const planned = new Set(entry?.users ?? []);
    if (current?.users.some((u) => !planned.has(u))) return current;
    await docker.removeContainer(container.id);
    removed = true;
    return undefined;
  });
  return removed;
}

/** Applies a registry record's entry (remove it, or drop users); returns whether it did. */
export async function updateRegistryRecord(ctx: Context, entry: StoreEntry): Promise<boolean> {
  const name = entry.name.replace(/^registries\//, '').replace(/\.json$/, '');
  const dropped = new Set(entry.users ?? []);
  let done = false;
  await ctx.store.updateRegistry(name, async (current) => {
    if (!current) return undefined;
    const users = current.users.filter((u) => !dropped.has(u));
    done = entry.action === 'drop-registry-users' || users.length === 0;
    return entry.action === 'remove-registry' && users.length === 0 ? undefined : { ...current, users };
  });
  return done;
}
