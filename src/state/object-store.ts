// The state store on an object storage service (S3), with the directory store's layout under a prefix. What
// the directory gets from the file system's atomic renames and exclusive creates, it gets here from conditional
// writes: the lock is created with If-None-Match: * and released or taken over with If-Match on the ETag its
// holder wrote; a spec is replaced with If-Match on the version read, so a generation is written once; history
// entries are created with If-None-Match at the next number, so none is ever overwritten. Credentials
// (kubeconfigs) are written with server-side encryption asked for, and read into 0600 files of a local cache.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ClusterStatus } from '../model/cluster-status.js';
import { writeFileAtomic, writeStreamAtomic } from '../runtime/atomic-write.js';
import { checkGeneration, generationConflict } from './generation.js';
import { newLockInfo } from './lock-info.js';
import { lostLock } from './lost-lock.js';
import type { StoreEnvironment } from './local-store.js';
import { type ObjectBackend, PreconditionFailed } from '../runtime/object-backend.js';
import type { HeldLock, HistoryEntry, LockInfo, RegistryRecord, StateStore } from './state-store.js';

/** What the object store needs besides the backend: the process, a local cache folder, a logger for --verbose. */
export interface ObjectStoreEnvironment extends StoreEnvironment {
  /** Local folder for kubeconfig copies (0600) and snapshot uploads in progress. */
  cacheDir: string;
  logger: Logger;
}

const SNAPSHOTS = 'snapshots';
const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

function partSegments(path: string): string {
  if (path.split('/').some((s) => s === '' || s === '.' || s === '..' || s.includes('\\'))) {
    throw new InvalidInputError(`"${path}" is not a valid path inside a snapshot`);
  }
  return path;
}

/** The store on `backend`. */
export function objectStateStore(backend: ObjectBackend, env: ObjectStoreEnvironment): StateStore {
  const cluster = (name: string) => `clusters/${name}/`;
  const snapshotKey = (name: string, id: string, path = '') => `${cluster(name)}${SNAPSHOTS}/${id}/${path}`;
  const isLive = (info: LockInfo) =>
    new Date(info.expires).getTime() > env.now().getTime() && (info.host !== env.hostname || env.isAlive(info.pid));
  let saidUnencrypted = false;

  const readText = async (key: string) => (await backend.get(key))?.body.toString('utf8');
  const cachePath = (name: string) => join(env.cacheDir, 'clusters', name, 'kubeconfig');

  /** Keys under clusters/<name>/ that belong to the cluster itself (not its lock or snapshots). */
  const clusterKeys = async (name: string) =>
    (await backend.list(cluster(name))).keys.filter((k) => {
      const rest = k.slice(cluster(name).length);
      return rest !== 'lock' && !rest.startsWith(`${SNAPSHOTS}/`);
    });

  const historyKeys = async (name: string) =>
    (await backend.list(`${cluster(name)}history/`)).keys.filter((k) => k.endsWith('.json')).sort();

  const lockConflict = (name: string, h: LockInfo) =>
    new ConflictError(
      'locked',
      `cluster "${name}" is locked by "${h.op}" (${h.owner}, pid ${h.pid} on ${h.host}, since ${h.started})`,
      h.host === env.hostname
        ? `wait for it to finish; if that process is gone, the lock expires at ${h.expires}`
        : `it is held from another machine; wait for it, or after ${h.expires} it is taken over (\`kindling unlock ${name} --force\` removes it now)`,
    );

  const store: StateStore = {
    location: backend.location,
    async list() {
      const keys = (await backend.list('clusters/')).keys;
      const names = new Set<string>();
      for (const k of keys) {
        const [name, ...rest] = k.slice('clusters/'.length).split('/');
        const tail = rest.join('/');
        if (name && tail !== 'lock' && !tail.startsWith(`${SNAPSHOTS}/`)) names.add(name);
      }
      return [...names].sort();
    },
    async readSpec(name) {
      const text = await readText(`${cluster(name)}spec.yaml`);
      return text === undefined ? undefined : parse(text);
    },
    async writeSpec(name, stored) {
      const key = `${cluster(name)}spec.yaml`;
      const current = await backend.get(key);
      const generation = current ? (parse(current.body.toString('utf8')) as { generation?: number }).generation : undefined;
      checkGeneration(name, generation, stored.generation);
      try {
        await backend.put(key, Buffer.from(stringify(stored)), current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
      } catch (err) {
        if (!(err instanceof PreconditionFailed)) throw err;
        const now = await store.readSpec(name);
        throw generationConflict(name, now?.generation, stored.generation);
      }
    },
    async readStatus(name) {
      const text = await readText(`${cluster(name)}status.json`);
      return text === undefined ? undefined : (JSON.parse(text) as ClusterStatus);
    },
    async writeStatus(name, status) {
      await backend.put(`${cluster(name)}status.json`, json(status));
    },
    async writeKubeconfig(name, content) {
      const key = `${cluster(name)}kubeconfig`;
      let encrypted = false;
      try {
        encrypted = (await backend.put(key, Buffer.from(content), { encrypt: true })).encrypted === true;
      } catch (err) {
        if (!isEncryptionRefused(err)) throw err;
        await backend.put(key, Buffer.from(content));
      }
      if (!encrypted && !saidUnencrypted) {
        env.logger.debug(
          `${backend.location}: the server did not confirm server-side encryption (it has none?): kubeconfigs are stored as they are`,
        );
        saidUnencrypted = true;
      }
      const path = cachePath(name);
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, content, 0o600);
      return path;
    },
    async kubeconfigPath(name) {
      const text = await readText(`${cluster(name)}kubeconfig`);
      const path = cachePath(name);
      if (text === undefined) {
        await rm(path, { force: true });
        return undefined;
      }
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFileAtomic(path, text, 0o600);
      return path;
    },
    async appendHistory(name, entry) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const seqs = (await historyKeys(name)).map((k) => Number.parseInt(k.slice(k.lastIndexOf('/') + 1), 10)).filter(Number.isFinite);
        const seq = Math.max(0, ...seqs) + 1;
        const key = `${cluster(name)}history/${String(seq).padStart(6, '0')}-${entry.op}.json`;
        try {
          // If-None-Match: an entry, once written, is never overwritten; a writer that lost the number takes the next.
          await backend.put(key, json(entry), { ifNoneMatch: '*' });
          return seq;
        } catch (err) {
          if (!(err instanceof PreconditionFailed)) throw err;
        }
      }
      throw new ConflictError('history-busy', `could not append to the history of "${name}": too many writers at once`, 'try again');
    },
    async readHistory(name) {
      const keys = await historyKeys(name);
      const texts = await Promise.all(keys.map((k) => readText(k)));
      return texts.filter((t): t is string => t !== undefined).map((t) => JSON.parse(t) as HistoryEntry);
    },
    async readLock(name) {
      const text = await readText(`${cluster(name)}lock`);
      if (text === undefined) return undefined;
      const info = JSON.parse(text) as LockInfo;
      return { info, live: isLive(info) };
    },
    async lock(name, op, operationId) {
      const key = `${cluster(name)}lock`;
      const info = newLockInfo(env, op, operationId);
      const held = (first: string): HeldLock => {
        let etag = first;
        return {
          info,
          // If-Match on the ETag this holder wrote last: a lock taken over after expiry is never renewed or released
          // by the old holder.
          async renew() {
            info.expires = new Date(env.now().getTime() + env.lockTtlMs).toISOString();
            try {
              etag = (await backend.put(key, json(info), { ifMatch: etag })).etag;
            } catch (err) {
              throw err instanceof PreconditionFailed ? lostLock(name, info) : err;
            }
          },
          release: () =>
            backend.delete(key, { ifMatch: etag }).catch((err) => (err instanceof PreconditionFailed ? undefined : Promise.reject(err))),
        };
      };
      try {
        return held((await backend.put(key, json(info), { ifNoneMatch: '*' })).etag);
      } catch (err) {
        if (!(err instanceof PreconditionFailed)) throw err;
      }
      const current = await backend.get(key);
      if (current === undefined) {
        // Released between the two requests: try once more, as a first writer.
        try {
          return held((await backend.put(key, json(info), { ifNoneMatch: '*' })).etag);
        } catch (err) {
          if (!(err instanceof PreconditionFailed)) throw err;
          throw new ConflictError('locked', `could not take the lock of cluster "${name}"`, 'another kindling is working on it; try again');
        }
      }
      const holder = JSON.parse(current.body.toString('utf8')) as LockInfo;
      if (isLive(holder)) throw lockConflict(name, holder);
      // A dead or expired holder: take the lock over, but only from that holder (another taker may be faster).
      try {
        return held((await backend.put(key, json(info), { ifMatch: current.etag })).etag);
      } catch (err) {
        if (!(err instanceof PreconditionFailed)) throw err;
        const now = await store.readLock(name);
        if (now) throw lockConflict(name, now.info);
        throw new ConflictError('locked', `could not take the lock of cluster "${name}"`, 'another kindling is working on it; try again');
      }
    },
    async readRecord<T>(name: string, key: string) {
      const text = await readText(`${cluster(name)}${key}.json`);
      return text === undefined ? undefined : (JSON.parse(text) as T);
    },
    async writeRecord(name, key, value) {
      await backend.put(`${cluster(name)}${key}.json`, json(value));
    },
    async removeRecord(name, key) {
      await backend.delete(`${cluster(name)}${key}.json`);
    },
    async readRegistry(name) {
      const text = await readText(`registries/${name}.json`);
      return text === undefined ? undefined : (JSON.parse(text) as RegistryRecord);
    },
    async updateRegistry(name, fn) {
      const key = `registries/${name}.json`;
      // Read, change, write only over what was read; another writer in between means read again.
      for (let attempt = 0; attempt < 20; attempt++) {
        const current = await backend.get(key);
        const next = await fn(current ? (JSON.parse(current.body.toString('utf8')) as RegistryRecord) : undefined);
        try {
          if (next) await backend.put(key, json(next), current ? { ifMatch: current.etag } : { ifNoneMatch: '*' });
          else if (current) await backend.delete(key, { ifMatch: current.etag });
          return next;
        } catch (err) {
          if (!(err instanceof PreconditionFailed)) throw err;
        }
      }
      throw new ConflictError('registry-busy', `could not update the record of registry ${name}: too many writers at once`, 'try again');
    },
    async has(name) {
      return (await clusterKeys(name)).length > 0;
    },
    async remove(name) {
      const keys = (await backend.list(cluster(name))).keys.filter((k) => !k.slice(cluster(name).length).startsWith(`${SNAPSHOTS}/`));
      await Promise.all(keys.map((k) => backend.delete(k)));
      await rm(join(env.cacheDir, 'clusters', name), { recursive: true, force: true });
    },
    async retire(name, last) {
      await store.appendHistory(name, last);
      for (const k of await historyKeys(name)) {
        await backend.copy(k, `deleted/${name}/${last.operationId}/history/${k.slice(k.lastIndexOf('/') + 1)}`);
      }
      await store.remove(name);
    },
    async removeLock(name) {
      const current = await store.readLock(name);
      await backend.delete(`${cluster(name)}lock`);
      return current?.info;
    },
    async listFiles() {
      const keys = [
        ...(await backend.list('clusters/')).keys,
        ...(await backend.list('deleted/')).keys,
        ...(await backend.list('registries/')).keys,
      ];
      return keys.filter((k) => !k.endsWith('/lock')).sort();
    },
    async readFile(path) {
      return (await backend.get(partSegments(path)))?.body;
    },
    async createFile(path, body) {
      try {
        await backend.put(partSegments(path), body, { ifNoneMatch: '*', ...(path.endsWith('/kubeconfig') ? { encrypt: true } : {}) });
      } catch (err) {
        if (err instanceof PreconditionFailed) throw new ConflictError('file-exists', `${path} already exists in ${backend.location}`);
        if (!isEncryptionRefused(err)) throw err;
        await backend.put(path, body, { ifNoneMatch: '*' });
      }
    },
    async writeSnapshotPart(name, id, path, data) {
      // The object's length must be known before it is sent: the part is spooled to the local cache first,
      // measured and hashed on the way, then uploaded from there.
      const spool = join(env.cacheDir, 'uploads', `${randomBytes(8).toString('hex')}.part`);
      await mkdir(dirname(spool), { recursive: true, mode: 0o700 });
      try {
        const { bytes, sha256 } = await writeStreamAtomic(spool, data);
        await backend.put(snapshotKey(name, id, partSegments(path)), { stream: createReadStream(spool), length: (await stat(spool)).size });
        return { path, bytes, sha256 };
      } finally {
        await rm(spool, { force: true });
      }
    },
    async readSnapshotPart(name, id, path) {
      const stream = await backend.getStream(snapshotKey(name, id, partSegments(path)));
      if (stream === undefined) {
        throw new NotFoundError(
          'snapshot',
          `snapshot "${id}" of cluster "${name}" has no ${path} in ${backend.location}`,
          'see `kindling snapshot list`',
        );
      }
      return stream;
    },
    async listSnapshots(name) {
      const { prefixes } = await backend.list(`${cluster(name)}${SNAPSHOTS}/`, '/');
      return prefixes.map((p) => p.slice(`${cluster(name)}${SNAPSHOTS}/`.length).replace(/\/$/, '')).sort();
    },
    async listSnapshotOwners() {
      const keys = (await backend.list('clusters/')).keys;
      const owners = new Set(keys.filter((k) => k.split('/')[2] === SNAPSHOTS).map((k) => k.split('/')[1]!));
      return [...owners].sort();
    },
    async removeSnapshot(name, id) {
      const { keys } = await backend.list(snapshotKey(name, id));
      await Promise.all(keys.map((k) => backend.delete(k)));
    },
  };
  return store;
}

/** The server said it cannot encrypt (no KMS, not implemented): the object is written without it. */
function isEncryptionRefused(err: unknown): boolean {
  const e = err as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number }; message?: string };
  const code = e.name ?? e.Code ?? '';
  return code === 'NotImplemented' || (/encrypt/i.test(e.message ?? '') && (e.$metadata?.httpStatusCode ?? 0) >= 400);
}
