// The names shell completion offers that only the machine knows: clusters and snapshots in the state store, and
// presets (built-in and the user's, as `presets list` finds them). Reads only; nothing asks Docker.
import { BUILTIN_PRESETS_DIR, presetFiles, userPresetsDir } from '../presets/load.js';
import type { CommonOptions } from '../context.js';
import { createContext } from './create-context.js';

/** The clusters the state store knows, sorted. */
export async function storedClusterNames(opts: CommonOptions = {}): Promise<string[]> {
  return createContext(opts).store.list();
}

/** Every snapshot in the state store as `cluster/snapshot` (a deleted cluster's snapshots included). */
export async function storedSnapshotRefs(opts: CommonOptions = {}): Promise<string[]> {
  const { store } = createContext(opts);
  const owners = await store.listSnapshotOwners();
  const ids = await Promise.all(owners.map(async (name) => (await store.listSnapshots(name)).map((id) => `${name}/${id}`)));
  return ids.flat();
}

/** The snapshots of one cluster. */
export async function storedSnapshotIds(opts: CommonOptions & { name: string }): Promise<string[]> {
  return createContext(opts).store.listSnapshots(opts.name);
}

/** Every preset name, built-in and the user's, sorted (a user preset hides a built-in of its name). */
export async function presetNames(opts: Pick<CommonOptions, 'env'> = {}): Promise<string[]> {
  const user = userPresetsDir(opts.env ?? process.env);
  return (await presetFiles({ builtin: BUILTIN_PRESETS_DIR, ...(user ? { user } : {}) })).map((p) => p.name);
}
