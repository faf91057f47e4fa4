// The shared state of one `stop` operation, filled in as its steps run.
import type { ClusterSpec } from '../../model/cluster-spec.js';
import type { ClusterStatus } from '../../model/cluster-status.js';
import type { NodeRecord } from '../../model/node-record.js';
import type { OperationState } from '../journal.js';

/** What `stop`'s steps read and write. */
export interface StopState extends OperationState {
  spec: ClusterSpec;
  nodes: NodeRecord[];
  status?: ClusterStatus;
}
