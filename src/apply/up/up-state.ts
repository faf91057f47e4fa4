// The shared state of one `up` operation, filled in as its actions run.
import type { Plan } from '../../plan/plan.js';
import type { OperationState } from '../journal.js';
import type { StoredSpec } from '../../state/state-store.js';
import type { ClusterStatus } from '../../model/cluster-status.js';
import type { StageResult } from '../../readiness/wait.js';
import type { SnapshotManifest } from '../../model/snapshot.js';
import type { RestoredSnapshot } from '../snapshot/restore-into.js';

/** What `up`'s actions read and write. */
export interface UpState extends OperationState {
  plan: Plan;
  operationId: string;
  /** The stored spec this `up` replaces (a cluster that went missing), if any. */
  previous: StoredSpec | undefined;
  /** Folder to read add-on manifests from instead of downloading them. */
  addonsFrom?: string;
  /** Time limit for the engine's create. */
  timeoutMs: number;
  engineVersion?: string;
  /** The kubeconfig the engine wrote while creating (kind), so save-kubeconfig need not ask for it. */
  engineKubeconfig?: string;
  kubeconfigPath?: string;
  /** The user kubeconfig the cluster's entries were merged into. */
  mergedInto?: string;
  status?: ClusterStatus;
  readiness?: StageResult[];
  /** `up --from-snapshot`: the checked manifest, then what was restored. */
  snapshot?: SnapshotManifest;
  restored?: RestoredSnapshot;
}
