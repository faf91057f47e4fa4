// A snapshot of a cluster, as the state store keeps it under clusters/<name>/snapshots/<id>/: the manifest
// (manifest.json, written last, so a snapshot without one is incomplete), the object dump (objects.json) and
// one gzipped tar per persistent volume (volumes/<namespace>/<claim>.tar.gz). Every part is listed in the
// manifest with its size and sha256, which restore checks before it changes anything.
import { InvalidInputError } from '../errors.js';
import type { ClusterSpec } from './cluster-spec.js';

/** The manifest's file name inside a snapshot's folder. */
export const SNAPSHOT_MANIFEST = 'manifest.json';
/** The object dump's file name. */
export const SNAPSHOT_OBJECTS = 'objects.json';

/** One stored file of a snapshot. */
export interface SnapshotPart {
  /** Relative to the snapshot's folder, `/`-separated. */
  path: string;
  bytes: number;
  sha256: string;
}

/** A claim whose data the snapshot holds, and where it lived. */
export interface SnapshotVolume {
  namespace: string;
  claim: string;
  /** The PersistentVolume's name. */
  volume: string;
  /** The node (container) it was read from. */
  node: string;
  /** The folder on that node. */
  path: string;
  storageClass?: string;
  accessModes: string[];
  size: string;
  /** The archive's part path. */
  part: string;
}

/** Why the snapshot was taken. */
export type SnapshotReason = 'user' | 'backup' | 'upgrade' | 'scale';

/** manifest.json. */
export interface SnapshotManifest {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'Snapshot';
  /** The snapshot's id (its folder's name). */
  name: string;
  cluster: string;
  createdAt: string;
  reason: SnapshotReason;
  /** The cluster was stopped while its volumes were copied (`--consistent`); else they were copied live. */
  consistent: boolean;
  kubernetesVersion: string;
  /** The spec the cluster had, to recreate it. */
  spec: ClusterSpec;
  /** Objects in the dump. */
  objects: number;
  volumes: SnapshotVolume[];
  /** Claims whose data is not in the snapshot, and why. */
  skippedClaims: Array<{ namespace: string; claim: string; reason: string }>;
  parts: SnapshotPart[];
}

/** A snapshot as `snapshot list` shows it. */
export interface SnapshotSummary {
  cluster: string;
  name: string;
  createdAt?: string;
  reason?: SnapshotReason;
  consistent?: boolean;
  kubernetesVersion?: string;
  objects?: number;
  volumes?: number;
  bytes?: number;
  /** No manifest: the snapshot was never finished (a crash or a failure while it was taken). */
  incomplete?: true;
  /** The cluster it was taken of is no longer in the store. */
  clusterDeleted?: true;
}

const ID = /^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$/;

/** Checks a snapshot id given by the user: it names a folder on disk and a key on S3. */
export function checkSnapshotId(id: string): string {
  if (!ID.test(id)) {
    throw new InvalidInputError(
      `"${id}" is not a valid snapshot name`,
      'use up to 63 lower-case letters, digits, ".", "_" or "-", starting and ending with a letter or digit',
    );
  }
  return id;
}

/** The default id: the time it was taken, in UTC (`20261206-163000`), with a prefix for the reason; `-2`, `-3`, ...
 * after it when the cluster already has one of that name (two in one second: an upgrade run again at once after
 * a failed one kept its snapshot). */
export function defaultSnapshotId(now: Date, reason: SnapshotReason = 'user', taken: readonly string[] = []): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = reason === 'user' ? stamp : `${reason}-${stamp}`;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** `cluster/snapshot`, as `up --from-snapshot` takes it. */
export function parseSnapshotRef(ref: string): { cluster: string; snapshot: string } {
  const slash = ref.indexOf('/');
  if (slash <= 0 || slash === ref.length - 1 || ref.indexOf('/', slash + 1) >= 0) {
    throw new InvalidInputError(
      `"${ref}" is not a snapshot reference`,
      'write CLUSTER/SNAPSHOT, as `kindling snapshot list --all` shows them',
    );
  }
  return { cluster: ref.slice(0, slash), snapshot: checkSnapshotId(ref.slice(slash + 1)) };
}
