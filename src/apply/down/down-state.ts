// The shared state of one `down` operation, filled in as its steps run.
import type { MergeRecord } from '../../kubeconfig/user-kubeconfig.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import type { OperationState } from '../journal.js';
import type { SweepResult } from '../sweep.js';

/** What `down`'s steps read and write. */
export interface DownState extends OperationState {
  spec: ClusterSpec;
  /** What `up` merged into the user's kubeconfig, if anything. */
  merged: MergeRecord | undefined;
  /** Everything removed besides the engine's own delete. */
  removed: SweepResult;
}
