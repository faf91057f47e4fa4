// The shared state of one recreate (upgrade, snapshot restore, kind scale). It is up's state, for the plan
// the new cluster is made from, so that up's own steps make it; plus what the recreate adds.
import type { RecreatePlan } from '../../plan/recreate-plan.js';
import type { StoredSpec } from '../../state/state-store.js';
import type { UpState } from '../up/up-state.js';

/** What a recreate's steps read and write. */
export interface RecreateState extends UpState {
  recreate: RecreatePlan;
  /** The stored spec before the recreate. */
  stored: StoredSpec;
  /** --consistent snapshots (and the start inside them): the readiness wait. */
  waitMs: number;
  /** Set once the old cluster is back after a failure: its Kubernetes version. */
  rolledBackTo?: string;
  /** Why bringing the old cluster back failed, if it did. */
  rollbackFailed?: string;
}
