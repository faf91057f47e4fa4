// What a workshop does to each of its clusters, as the library verbs do it (up, snapshot, restoreSnapshot, down,
// status, load, the in-place reset): handed in by api/workshop.ts, so the workshop's steps are not re-implemented
// here and unit tests pass their own. Every verb names the Docker context the cluster lives on (undefined: the one kindling finds).
import type { InPlaceResult } from './reset-in-place.js';

/** A cluster `up` made (or found made). */
export interface MadeCluster {
  name: string;
  /** The kubeconfig context. */
  context: string;
  /** The kubeconfig kindling keeps for it (0600). */
  kubeconfigPath: string;
}

/** A cluster as `status` sees it now. */
export interface MemberHealth {
  phase: string;
  /** The API server answered (the first readiness stage). */
  apiReachable: boolean;
  /** What the API server said, or why it did not. */
  detail: string;
}

/** The verbs, each bound to the workshop's options. */
export interface WorkshopVerbs {
  up(cluster: string, dockerContext: string | undefined): Promise<MadeCluster>;
  /** Applies the workshop's manifests; returns how many objects. */
  applyManifests(cluster: string, dockerContext: string | undefined, kubeconfigPath: string): Promise<number>;
  load(cluster: string, dockerContext: string | undefined, images: readonly string[]): Promise<void>;
  snapshot(cluster: string, dockerContext: string | undefined, id: string): Promise<void>;
  restore(cluster: string, dockerContext: string | undefined, id: string): Promise<MadeCluster>;
  /** Brings the running cluster back to the snapshot through its API, or says why it cannot. */
  resetInPlace(cluster: string, dockerContext: string | undefined, id: string): Promise<InPlaceResult>;
  down(cluster: string, dockerContext: string | undefined): Promise<void>;
  deleteSnapshot(cluster: string, id: string): Promise<void>;
  status(cluster: string, dockerContext: string | undefined): Promise<MemberHealth>;
}

/** One line of progress about one cluster. */
export interface WorkshopProgress {
  cluster: string;
  attendee: string;
  /** creating, applying, loading, snapshotting, ready, retrying, failed, resetting, reset, deleting, deleted. */
  phase: string;
  message: string;
}
