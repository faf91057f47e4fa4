// The state store interface (kops-like): per cluster its desired spec, last observed status, kubeconfig,
// an append-only history, a lock and its snapshots; the history of a deleted cluster is kept under deleted/,
// its snapshots stay where they are. The same layout serves a directory now and S3 later.
import type { Readable } from 'node:stream';
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { ClusterStatus } from '../model/cluster-status.js';
import type { SnapshotPart } from '../model/snapshot.js';

/** Who holds a cluster's lock, for what, until when. */
export interface LockInfo {
  op: string;
  operationId: string;
  owner: string;
  host: string;
  pid: number;
  started: string;
  expires: string;
}

/** One journal entry: intent, steps done, outcome. */
export interface HistoryEntry {
  op: string;
  operationId: string;
  startedAt: string;
  finishedAt?: string;
  outcome: 'succeeded' | 'failed' | 'rolled-back' | 'no-op';
  steps: string[];
  /** How long each completed step took (milliseconds), in order. */
  timings?: Array<{ id: string; ms: number }>;
  spec?: ClusterSpec;
  error?: { code: string; message: string };
}

/** The stored desired state with its generation number. */
export interface StoredSpec {
  generation: number;
  spec: ClusterSpec;
}

/** A held lock. */
export interface HeldLock {
  info: LockInfo;
  /** Moves the expiry on by the lock's time to live, while it is still this holder's (ConflictError when it is not). */
  renew(): Promise<void>;
  release(): Promise<void>;
}

/** A registry container and the clusters that pull from it (registries/<name>.json). */
export interface RegistryRecord {
  name: string;
  image: string;
  host: string;
  /** kindling ran the container (else the user did, e.g. with kind's recipe, and it is never removed). */
  createdBy: 'kindling' | 'user';
  /** Kept after its last user is deleted. */
  shared: boolean;
  users: string[];
}

/** Everything kindling keeps about clusters. */
export interface StateStore {
  /** A directory path or s3:// URL, for messages. */
  readonly location: string;
  list(): Promise<string[]>;
  readSpec(name: string): Promise<StoredSpec | undefined>;
  writeSpec(name: string, stored: StoredSpec): Promise<void>;
  readStatus(name: string): Promise<ClusterStatus | undefined>;
  writeStatus(name: string, status: ClusterStatus): Promise<void>;
  /** Writes the kubeconfig 0600 and returns its local path. */
  writeKubeconfig(name: string, content: string): Promise<string>;
  /** The local path of the kubeconfig, if one is stored. */
  kubeconfigPath(name: string): Promise<string | undefined>;
  appendHistory(name: string, entry: HistoryEntry): Promise<number>;
  readHistory(name: string): Promise<HistoryEntry[]>;
  /** Takes the cluster's lock or throws ConflictError naming the holder; a dead holder's lock is taken over. */
  lock(name: string, op: string, operationId: string): Promise<HeldLock>;
  /** The current lock and whether its holder is still alive. */
  readLock(name: string): Promise<{ info: LockInfo; live: boolean } | undefined>;
  /** A small named JSON record kept with the cluster (e.g. which kubeconfig entries were merged where). */
  readRecord<T>(name: string, key: string): Promise<T | undefined>;
  writeRecord(name: string, key: string, value: unknown): Promise<void>;
  /** Removes a record (nothing when it is not there). */
  removeRecord(name: string, key: string): Promise<void>;
  readRegistry(name: string): Promise<RegistryRecord | undefined>;
  /** Reads, changes and writes a registry's record under its lock; `fn` returning undefined removes it. */
  updateRegistry(
    name: string,
    fn: (current: RegistryRecord | undefined) => Promise<RegistryRecord | undefined>,
  ): Promise<RegistryRecord | undefined>;
  /** Whether the store holds anything of the cluster beyond a lock and snapshots (spec, status, kubeconfig, records, history). */
  has(name: string): Promise<boolean>;
  /** Removes everything stored for the cluster but its snapshots (only `removeSnapshot` removes one). */
  remove(name: string): Promise<void>;
  /** Removes the cluster's lock whoever holds it (`kindling unlock --force`); returns what it held. */
  removeLock(name: string): Promise<LockInfo | undefined>;
  /** Every file of the store by its path in the layout (`clusters/dev/spec.yaml`), locks and temp files left out. */
  listFiles(): Promise<string[]>;
  /** One file's bytes, by its path in the layout; undefined when there is none. */
  readFile(path: string): Promise<Buffer | undefined>;
  /** Creates one file by its path in the layout (0600); ConflictError when it exists. */
  createFile(path: string, body: Buffer): Promise<void>;
  /** Stores one part of a snapshot (clusters/<name>/snapshots/<id>/<path>, 0600), streamed; returns its size and sha256. */
  writeSnapshotPart(name: string, id: string, path: string, data: string | Readable): Promise<SnapshotPart>;
  /** One part of a snapshot, streamed; throws NotFoundError when it is not stored. */
  readSnapshotPart(name: string, id: string, path: string): Promise<Readable>;
  /** The ids of the cluster's snapshots, finished or not, sorted. */
  listSnapshots(name: string): Promise<string[]>;
  /** Every cluster name that has snapshots, deleted clusters too, sorted. */
  listSnapshotOwners(): Promise<string[]>;
  /** Removes one snapshot and all its parts (nothing when it is not there). */
  removeSnapshot(name: string, id: string): Promise<void>;
  /** Forgets a deleted cluster but keeps its history, `last` appended: it moves to deleted/<name>/<operationId>/. */
  retire(name: string, last: HistoryEntry): Promise<void>;
}
