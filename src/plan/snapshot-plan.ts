// The pure plan of `snapshot create`: from the stored spec and the choice of --consistent, the steps in order
// with their titles. `snapshot create --dry-run` prints it.
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { SnapshotReason } from '../model/snapshot.js';
import type { PlannedAction } from './plan.js';

/** The steps `snapshot create` takes, in order; apply/snapshot/ has one file per id. */
export const SNAPSHOT_ACTIONS = ['read-objects', 'stop-cluster', 'copy-volumes', 'start-cluster', 'write-manifest'] as const;
/** One snapshot step's id. */
export type SnapshotActionId = (typeof SNAPSHOT_ACTIONS)[number];

/** Everything `snapshot create` will do, as data. */
export interface SnapshotPlan {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'SnapshotPlan';
  name: string;
  engine: ClusterSpec['engine'];
  snapshot: string;
  reason: SnapshotReason;
  consistent: boolean;
  actions: PlannedAction<SnapshotActionId>[];
}

/** Plans a snapshot `id` of the cluster `spec` describes; `consistent` stops it while its volumes are copied. Pure. */
export function planSnapshot(spec: ClusterSpec, id: string, opts: { consistent: boolean; reason: SnapshotReason }): SnapshotPlan {
  const where = `clusters/${spec.name}/snapshots/${id}/`;
  const titles: Record<SnapshotActionId, string> = {
    'read-objects': `Read every object through the API, keep the user's (cleaned, Secrets included) as ${where}objects.json`,
    'stop-cluster': 'Stop the cluster, so that nothing writes to its volumes while they are copied',
    'copy-volumes': `Copy each claim's data from its node container (${opts.consistent ? 'stopped' : 'live'}) as a gzipped tar`,
    'start-cluster': 'Start the cluster again and wait until it is ready',
    'write-manifest': `Write ${where}manifest.json: the spec, the Kubernetes version, each part's size and sha256`,
  };
  const included = (id: SnapshotActionId) => opts.consistent || (id !== 'stop-cluster' && id !== 'start-cluster');
  return {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'SnapshotPlan',
    name: spec.name,
    engine: spec.engine,
    snapshot: id,
    reason: opts.reason,
    consistent: opts.consistent,
    actions: SNAPSHOT_ACTIONS.filter(included).map((a) => ({ id: a, title: titles[a] })),
  };
}
