// The shared state of one `start` operation, filled in as its steps run.
import type { ClusterSpec } from '../../model/cluster-spec.js';
import type { ClusterStatus } from '../../model/cluster-status.js';
import type { PowerPlan, StartActionId } from '../../plan/stop-plan.js';
import type { StageResult } from '../../readiness/wait.js';
import type { OperationState } from '../journal.js';

/** What `start`'s steps read and write. */
export interface StartState extends OperationState {
  spec: ClusterSpec;
  plan: PowerPlan<StartActionId>;
  /** Time limit of the engine's start and of the readiness wait. */
  timeoutMs: number;
  waitMs: number;
  /** The API server's URL before the stop, to check it came back at the same address. */
  apiServerBefore: string | undefined;
  status?: ClusterStatus;
  readiness?: StageResult[];
}
