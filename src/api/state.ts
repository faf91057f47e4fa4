// The state store itself: `state show` (what the store holds for a cluster), `state migrate` (every file of one
// store copied into another, each checked by sha256 after it is written; refused, before anything is copied,
// when the target already knows a cluster of the same name) and `unlock` (a lock left behind).
import { createHash } from 'node:crypto';
import { ConflictError, EnvironmentError, InvalidInputError, NotFoundError } from '../errors.js';
import type { ClusterStatus } from '../model/cluster-status.js';
import type { HistoryEntry, LockInfo, StoredSpec } from '../state/state-store.js';
import type { CommonOptions } from '../context.js';
import { createContext } from './create-context.js';

/** What `state show` prints for one cluster. */
export interface StateView {
  name: string;
  location: string;
  generation?: number;
  spec?: StoredSpec['spec'];
  status?: ClusterStatus;
  lock?: LockInfo & { live: boolean };
  history: HistoryEntry[];
  snapshots: string[];
}

/** What the store holds for a cluster; NotFoundError when it holds nothing. */
export async function showState(opts: CommonOptions & { name: string }): Promise<StateView> {
  const { store } = createContext(opts);
  const [stored, status, lock, history, snapshots] = await Promise.all([
    store.readSpec(opts.name),
    store.readStatus(opts.name),
    store.readLock(opts.name),
    store.readHistory(opts.name),
    store.listSnapshots(opts.name),
  ]);
  if (!stored && !status && !lock && history.length === 0 && snapshots.length === 0) {
    throw new NotFoundError('cluster', `the state store (${store.location}) holds nothing for "${opts.name}"`, 'see `kindling list`');
  }
  return {
    name: opts.name,
    location: store.location,
    ...(stored ? { generation: stored.generation, spec: stored.spec } : {}),
    ...(status ? { status } : {}),
    ...(lock ? { lock: { ...lock.info, live: lock.live } } : {}),
    history,
    snapshots,
  };
}

/** Options of `unlock`. */
export interface UnlockOptions extends CommonOptions {
  name: string;
  /** Remove a lock whose holder may still be working (on another machine, or not yet expired). */
  force?: boolean;
}

/** Removes a cluster's lock: a dead or expired holder's at once, a live one's only with force. */
export async function unlock(opts: UnlockOptions): Promise<{ name: string; removed?: LockInfo }> {
  const { store } = createContext(opts);
  const current = await store.readLock(opts.name);
  if (!current) return { name: opts.name };
  if (current.live && !opts.force) {
    const h = current.info;
    throw new ConflictError(
      'locked',
      `cluster "${opts.name}" is locked by "${h.op}" (${h.owner}, pid ${h.pid} on ${h.host}, since ${h.started}) and its holder may still be working`,
      'make sure no kindling runs on it (on that machine), then `kindling unlock --force`',
    );
  }
  return { name: opts.name, removed: (await store.removeLock(opts.name)) ?? current.info };
}

/** Options of `migrateState`. */
export interface MigrateOptions extends CommonOptions {
  /** The store to copy from and the one to copy into: directories or s3:// URLs. */
  from: string;
  to: string;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Copies every file of `from` into `to`; returns the clusters and the number of files copied. */
export async function migrateState(opts: MigrateOptions): Promise<{ from: string; to: string; clusters: string[]; files: number }> {
  if (opts.from === opts.to) throw new InvalidInputError('--from and --to name the same store');
  const source = createContext({ ...opts, state: opts.from }).store;
  const target = createContext({ ...opts, state: opts.to }).store;
  const files = await source.listFiles();
  const clusters = [...new Set(files.filter((f) => f.startsWith('clusters/')).map((f) => f.split('/')[1]!))].sort();
  // Everything is checked before the first file is copied.
  for (const name of clusters) {
    if ((await source.readLock(name))?.live) {
      throw new ConflictError(
        'locked',
        `cluster "${name}" is locked in ${source.location}: an operation is running on it`,
        'wait for it to finish',
      );
    }
    if ((await target.has(name)) || (await target.listSnapshots(name)).length > 0) {
      throw new ConflictError(
        'cluster-exists',
        `the target store ${target.location} already holds a cluster named "${name}"`,
        'remove it there first, or migrate into another store or prefix',
      );
    }
  }
  const taken = new Set(await target.listFiles());
  const clash = files.find((f) => taken.has(f));
  if (clash)
    throw new ConflictError('file-exists', `${clash} already exists in ${target.location}`, 'migrate into an empty store or prefix');
  for (const file of files) {
    const body = (await source.readFile(file))!;
    await target.createFile(file, body);
    const back = await target.readFile(file);
    if (!back || sha256(back) !== sha256(body)) {
      throw new EnvironmentError(
        'migrate-mismatch',
        `${file} reads back from ${target.location} with another sha256 than it was written with`,
        'check the target store, then migrate again into an empty one',
      );
    }
  }
  return { from: source.location, to: target.location, clusters, files: files.length };
}
