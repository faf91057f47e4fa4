// What `up` resolves to: enough for a test harness to reach the cluster, put things in it and let go of it.
import type { ClusterStatus, ApiEndpoint } from '../model/cluster-status.js';
import type { ClientKubeConfig } from '../runtime/kube-api.js';
import type { Plan } from '../plan/plan.js';
import type { StageResult } from '../readiness/wait.js';
import type { RestoredSnapshot } from '../apply/snapshot/restore-into.js';
import type { SnapshotManifest } from '../model/snapshot.js';
import type { AppliedObject, Manifests } from './harness/apply-manifests.js';
import type { LoadResult } from './load.js';

/** What kubeConfig() resolves to: a real @kubernetes/client-node KubeConfig, typed by the part a test uses. */
export type ClusterKubeConfig = ClientKubeConfig;

/** A created (or already running) cluster. `await using` calls down() when the scope ends. */
export interface ClusterHandle {
  name: string;
  context: string;
  /** The cluster's own kubeconfig file (0600, in the state store): for KUBECONFIG, kubectl --kubeconfig, helm. */
  kubeconfigPath: string;
  /** The same kubeconfig as text. */
  kubeconfig: string;
  /** Each readiness stage and how long it took (only with a wait). */
  readiness?: StageResult[];
  /** The user kubeconfig the context was added to (only with merge: true, and not when unchanged). */
  mergedInto?: string;
  apiServer: ApiEndpoint | undefined;
  status: ClusterStatus;
  plan: Plan;
  /** True when the cluster already existed with the same spec and nothing was done. */
  unchanged: boolean;
  /** True when it existed stopped and `up` started it (not re-created). */
  started?: boolean;
  /** Made with reuse: down() releases this handle's lease; the last lease deletes the cluster unless it was made with keep. */
  reused: boolean;
  /** Each step `up` ran and how long it took (absent when nothing was done). */
  steps?: Array<{ id: string; ms: number }>;
  /** What `up --from-snapshot` restored. */
  restored?: RestoredSnapshot;
  /** A @kubernetes/client-node KubeConfig for the cluster (its context current), for makeApiClient(). */
  kubeConfig(): Promise<ClusterKubeConfig>;
  /** Server-side applies YAML or objects (field manager `kindling`), then waits until they are ready (default 2 minutes; 0: no wait). */
  apply(manifests: Manifests, opts?: { waitMs?: number }): Promise<AppliedObject[]>;
  /** Puts local Docker images into the cluster's nodes. */
  load(images: readonly string[]): Promise<LoadResult>;
  /** Deletes the cluster; a reused handle only releases its lease (the last one deletes it unless made with keep). Idempotent. */
  down(): Promise<void>;
  /** Stops its node containers, keeping everything. */
  stop(): Promise<void>;
  /** Starts them again and waits for readiness (default 5 minutes; 0: no wait). */
  start(opts?: { waitMs?: number }): Promise<void>;
  /** Takes a snapshot (default name: the time); `consistent` stops the cluster while its volumes are copied. */
  snapshot(opts?: { snapshot?: string; consistent?: boolean }): Promise<SnapshotManifest>;
  /** down(), for `await using cluster = await up(...)`. */
  [Symbol.asyncDispose](): Promise<void>;
}
