// The shared state of one `snapshot create`, filled in as its steps run.
import type { SnapshotDump } from '../../export/dump/snapshot-dump.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import type { SnapshotManifest, SnapshotPart, SnapshotVolume } from '../../model/snapshot.js';
import type { SnapshotPlan } from '../../plan/snapshot-plan.js';
import type { OperationState } from '../journal.js';

/** What `snapshot create`'s steps read and write. */
export interface SnapshotState extends OperationState {
  spec: ClusterSpec;
  plan: SnapshotPlan;
  /** The cluster's kubeconfig in the state store. */
  kubeconfigPath: string;
  /** --consistent: time limits of the start after the copy and of its readiness wait. */
  timeoutMs: number;
  waitMs: number;
  dump?: SnapshotDump;
  /** Parts stored so far (objects, then one per volume). */
  parts: SnapshotPart[];
  volumes: SnapshotVolume[];
  manifest?: SnapshotManifest;
}
