// The shared state of one `scale` operation, filled in as its steps run.
import type { ClusterStatus } from '../../model/cluster-status.js';
import type { ScalePlan } from '../../plan/scale-plan.js';
import type { StageResult } from '../../readiness/wait.js';
import type { OperationState } from '../journal.js';

/** What `scale`'s steps read and write. */
export interface ScaleState extends OperationState {
  plan: ScalePlan;
  /** The stored generation this change replaces. */
  generation: number;
  timeoutMs: number;
  /** Containers add-workers made (removed again on rollback). */
  added: string[];
  status?: ClusterStatus;
  readiness?: StageResult[];
}
