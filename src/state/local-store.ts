// The embedded state store: a directory with the layout of DESIGN.md (clusters/<name>/spec.yaml,
// status.json, kubeconfig, history/<seq>-<op>.json, lock; deleted/<name>/<operationId>/history/ for the
// history of a deleted cluster; clusters/<name>/snapshots/<id>/ for snapshots, kept after a delete).
// Directories 0700, files 0600, writes atomic.
import { createReadStream } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse, stringify } from 'yaml';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { ClusterStatus } from '../model/cluster-status.js';
import { writeStreamAtomic } from '../runtime/atomic-write.js';
import { writeFileAtomic } from '../runtime/atomic-write.js';
import { withFileLock } from '../runtime/file-lock.js';
import { checkGeneration } from './generation.js';
import { newLockInfo } from './lock-info.js';
import { lostLock } from './lost-lock.js';
import type { HeldLock, HistoryEntry, LockInfo, RegistryRecord, StateStore, StoredSpec } from './state-store.js';
import { afterCheck, checkStoreRoot } from './store-root.js';

/** What the store needs from the process: the clock, who we are, and whether another pid lives. */
export interface StoreEnvironment {
  now: () => Date;
  pid: number;
  hostname: string;
  owner: string;
  isAlive: (pid: number) => boolean;
  /** How long a lock is valid without renewal. */
  lockTtlMs: number;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A cluster name no file can have (too long, a NUL byte, below a file) is one the store does not hold.
    if (code === 'ENOENT' || code === 'ENAMETOOLONG' || code === 'ENOTDIR' || code === 'ERR_INVALID_ARG_VALUE') return undefined;
    throw err;
  }
}

const SNAPSHOTS = 'snapshots';

/** Creates `path` with `content` only if it does not exist (EEXIST otherwise), and whole: a reader never sees it
 * empty or half written, as it could between an exclusive open and the write (the content goes to a temp file,
 * which is then hard-linked into place, an atomic create-if-absent). */
async function createWhole(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, content, { flag: 'wx', mode: 0o600 });
  try {
    await link(tmp, path);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** A snapshot part's path as folder names; throws InvalidInputError for one that would leave the snapshot's folder. */
function partSegments(path: string): string[] {
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
    throw new InvalidInputError(`"${path}" is not a valid path inside a snapshot`);
  }
  return segments;
}

/** Opens (creating on first write) a directory store at `root`. */
export function localStateStore(root: string, env: StoreEnvironment): StateStore {
  const clusterDir = (name: string) => join(root, 'clusters', name);
  const snapshotDir = (name: string, id: string) => join(clusterDir(name), SNAPSHOTS, id);
  const ensure = async (name: string) => {
    await mkdir(join(clusterDir(name), 'history'), { recursive: true, mode: 0o700 });
  };
  const isLive = (info: LockInfo) =>
    new Date(info.expires).getTime() > env.now().getTime() && (info.host !== env.hostname || env.isAlive(info.pid));

  const store: StateStore = {
    location: root,
    async list() {
      const names = (await readdir(join(root, 'clusters')).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
      // A folder that holds only snapshots (of a deleted cluster) is not a cluster.
      const held = await Promise.all(names.map((n) => store.has(n)));
      return names.filter((_, i) => held[i]);
    },
    async readSpec(name) {
      const text = await readOptional(join(clusterDir(name), 'spec.yaml'));
      return text === undefined ? undefined : (parse(text) as StoredSpec);
    },
    async writeSpec(name, stored) {
      await ensure(name);
      const path = join(clusterDir(name), 'spec.yaml');
      // Read and write under one lock: of two writers that read the same generation, the second is refused.
      await withFileLock(path, async () => {
        checkGeneration(name, (await store.readSpec(name))?.generation, stored.generation);
        await writeFileAtomic(path, stringify(stored));
      });
    },
    async readStatus(name) {
      const text = await readOptional(join(clusterDir(name), 'status.json'));
      return text === undefined ? undefined : (JSON.parse(text) as ClusterStatus);
    },
    async writeStatus(name, status) {
      await ensure(name);
      await writeFileAtomic(join(clusterDir(name), 'status.json'), `${JSON.stringify(status, null, 2)}\n`);
    },
    async writeKubeconfig(name, content) {
      await ensure(name);
      const path = join(clusterDir(name), 'kubeconfig');
      await writeFileAtomic(path, content, 0o600);
      return path;
    },
    async kubeconfigPath(name) {
      const path = join(clusterDir(name), 'kubeconfig');
      return (await readOptional(path)) === undefined ? undefined : path;
    },
    async appendHistory(name, entry) {
      await ensure(name);
      const dir = join(clusterDir(name), 'history');
      for (let attempt = 0; attempt < 20; attempt++) {
        const seqs = (await readdir(dir)).map((f) => Number.parseInt(f, 10)).filter(Number.isFinite);
        const seq = Math.max(0, ...seqs) + 1;
        const file = join(dir, `${String(seq).padStart(6, '0')}-${entry.op}.json`);
        try {
          // 'wx': history is append-only; an existing entry is never overwritten. A writer that lost the number
          // to another takes the next one.
          await writeFile(file, `${JSON.stringify(entry, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
          return seq;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
      }
      throw new ConflictError('history-busy', `could not append to the history of "${name}": too many writers at once`, 'try again');
    },
    async readHistory(name) {
      const dir = join(clusterDir(name), 'history');
      const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
      return Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as HistoryEntry));
    },
    async readLock(name) {
      const text = await readOptional(join(clusterDir(name), 'lock'));
      if (text === undefined) return undefined;
      const info = JSON.parse(text) as LockInfo;
      return { info, live: isLive(info) };
    },
    async lock(name, op, operationId) {
      await ensure(name);
      const path = join(clusterDir(name), 'lock');
      const info = newLockInfo(env, op, operationId);
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          await createWhole(path, `${JSON.stringify(info, null, 2)}\n`);
          // Renewed and released only while it is still this holder's: a lock taken over after expiry stays with
          // its new holder.
          const mine = async () => {
            const now = await store.readLock(name);
            return (
              now !== undefined && now.info.operationId === info.operationId && now.info.pid === info.pid && now.info.host === info.host
            );
          };
          const release = async () => {
            if (await mine()) await unlink(path).catch(() => undefined);
          };
          const renew = async () => {
            if (!(await mine())) throw lostLock(name, info);
            info.expires = new Date(env.now().getTime() + env.lockTtlMs).toISOString();
            await writeFileAtomic(path, `${JSON.stringify(info, null, 2)}\n`);
          };
          const held: HeldLock = { info, renew, release };
          return held;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          const current = await store.readLock(name);
          if (current?.live) {
            const h = current.info;
            throw new ConflictError(
              'locked',
              `cluster "${name}" is locked by "${h.op}" (${h.owner}, pid ${h.pid} on ${h.host}, since ${h.started})`,
              `wait for it to finish; if that process is gone, the lock expires at ${h.expires}`,
            );
          }
          // A dead holder: take the lock over; the caller sees the interruption in the history.
          await unlink(path).catch(() => undefined);
        }
      }
      throw new ConflictError('locked', `could not take the lock of cluster "${name}"`, 'another kindling is working on it; try again');
    },
    async readRecord<T>(name: string, key: string) {
      const text = await readOptional(join(clusterDir(name), `${key}.json`));
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    async writeRecord(name, key, value) {
      await ensure(name);
      await writeFileAtomic(join(clusterDir(name), `${key}.json`), `${JSON.stringify(value, null, 2)}\n`);
    },
    async removeRecord(name, key) {
      await rm(join(clusterDir(name), `${key}.json`), { force: true });
    },
    async readRegistry(name) {
      const text = await readOptional(join(root, 'registries', `${name}.json`));
      return text === undefined ? undefined : (JSON.parse(text) as RegistryRecord);
    },
    async updateRegistry(name, fn) {
      const dir = join(root, 'registries');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const path = join(dir, `${name}.json`);
      return withFileLock(path, async () => {
        const next = await fn(await store.readRegistry(name));
        if (next) await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
        else await rm(path, { force: true });
        return next;
      });
    },
    async has(name) {
      const entries = await readdir(clusterDir(name)).catch(() => [] as string[]);
      const history = await readdir(join(clusterDir(name), 'history')).catch(() => [] as string[]);
      return entries.some((e) => e !== 'lock' && e !== 'history' && e !== SNAPSHOTS && !e.startsWith('.')) || history.length > 0;
    },
    async remove(name) {
      const entries = await readdir(clusterDir(name)).catch(() => [] as string[]);
      if (!entries.includes(SNAPSHOTS)) return rm(clusterDir(name), { recursive: true, force: true });
      for (const e of entries.filter((e) => e !== SNAPSHOTS)) await rm(join(clusterDir(name), e), { recursive: true, force: true });
    },
    async removeLock(name) {
      const current = await store.readLock(name);
      await rm(join(clusterDir(name), 'lock'), { force: true });
      return current?.info;
    },
    async listFiles() {
      const files = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return files
        .filter((f) => f.isFile())
        .map((f) => relative(root, join(f.parentPath, f.name)).split(sep).join('/'))
        .filter((p) => !/(^|\/)\./.test(p) && !p.endsWith('/lock') && !p.endsWith('.lock'))
        .sort();
    },
    async readFile(path) {
      const file = join(root, ...partSegments(path));
      return readFile(file).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)));
    },
    async createFile(path, body) {
      const file = join(root, ...partSegments(path));
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await writeFile(file, body, { flag: 'wx', mode: 0o600 }).catch((err: NodeJS.ErrnoException) =>
        Promise.reject(err.code === 'EEXIST' ? new ConflictError('file-exists', `${path} already exists in ${root}`) : err),
      );
    },
    async writeSnapshotPart(name, id, path, data) {
      const file = join(snapshotDir(name, id), ...partSegments(path));
      await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
      const { bytes, sha256 } = await writeStreamAtomic(file, data);
      return { path, bytes, sha256 };
    },
    async readSnapshotPart(name, id, path) {
      const file = join(snapshotDir(name, id), ...partSegments(path));
      const stream = createReadStream(file);
      // Open errors arrive as an event: wait for the open so a missing part is a NotFoundError here.
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', (err: NodeJS.ErrnoException) =>
          reject(
            err.code === 'ENOENT'
              ? new NotFoundError(
                  'snapshot',
                  `snapshot "${id}" of cluster "${name}" has no ${path} in ${root}`,
                  'see `kindling snapshot list`',
                )
              : err,
          ),
        );
      });
      return stream;
    },
    async listSnapshots(name) {
      const ids = await readdir(join(clusterDir(name), SNAPSHOTS)).catch(() => [] as string[]);
      return ids.filter((n) => !n.startsWith('.')).sort();
    },
    async listSnapshotOwners() {
      const names = (await readdir(join(root, 'clusters')).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
      const counts = await Promise.all(names.map((n) => store.listSnapshots(n)));
      return names.filter((_, i) => counts[i]!.length > 0);
    },
    async removeSnapshot(name, id) {
      await rm(snapshotDir(name, id), { recursive: true, force: true });
      // The last snapshot of a deleted cluster takes its folder with it.
      if ((await store.listSnapshots(name)).length === 0) {
        await rm(join(clusterDir(name), SNAPSHOTS), { recursive: true, force: true });
        if ((await readdir(clusterDir(name)).catch(() => ['?'])).length === 0) await rm(clusterDir(name), { recursive: true, force: true });
      }
    },
    async retire(name, last) {
      await store.appendHistory(name, last);
      const kept = join(root, 'deleted', name, last.operationId);
      await mkdir(kept, { recursive: true, mode: 0o700 });
      await rename(join(clusterDir(name), 'history'), join(kept, 'history'));
      await store.remove(name);
    },
  };
  return afterCheck(store, () => checkStoreRoot(root));
}
