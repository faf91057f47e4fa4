// What `up` resolves to: enough for a test harness to reach the cluster and tear it down.
import type { ClusterStatus, ApiEndpoint } from '../model/cluster-status.js';
import type { Plan } from '../plan/plan.js';
import type { StageResult } from '../readiness/wait.js';
import type { RestoredSnapshot } from '../apply/snapshot/restore-into.js';
import type { SnapshotManifest } from '../model/snapshot.js';

/** A created (or already running) cluster. */
export interface ClusterHandle {
  name: string;
  context: string;
  kubeconfigPath: string;
  /** Each readiness stage and how long it took (only with a wait). */
  readiness?: StageResult[];
  /** The user kubeconfig the context was added to (absent with merge: false, or when unchanged). */
  mergedInto?: string;
  apiServer: ApiEndpoint | undefined;
  status: ClusterStatus;
  plan: Plan;
  /** True when the cluster already existed with the same spec and nothing was done. */
  unchanged: boolean;
  /** True when it existed stopped and `up` started it (not re-created). */
  started?: boolean;
  /** Each step `up` ran and how long it took (absent when nothing was done). */
  steps?: Array<{ id: string; ms: number }>;
  /** What `up --from-snapshot` restored. */
  restored?: RestoredSnapshot;
  /** Deletes the cluster (same options as the `up` that made it). */
  down(): Promise<void>;
  /** Stops its node containers, keeping everything. */
  stop(): Promise<void>;
  /** Starts them again and waits for readiness (default 5 minutes; 0: no wait). */
  start(opts?: { waitMs?: number }): Promise<void>;
  /** Takes a snapshot (default name: the time); `consistent` stops the cluster while its volumes are copied. */
  snapshot(opts?: { snapshot?: string; consistent?: boolean }): Promise<SnapshotManifest>;
}
