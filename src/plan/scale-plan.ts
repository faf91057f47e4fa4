// The pure plan of `scale`: from the stored spec, the workers that exist and the number wanted, the steps in
// order with their titles. k3d adds agents with `k3d node create` and removes them (drained first) with
// `k3d node delete`; kind cannot add or remove nodes of an existing cluster, so it is refused with the way out.
import { ConflictError, InvalidInputError } from '../errors.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import { type PlannedAction, waitTitle } from './plan.js';

/** The steps `scale` may take, in order; apply/scale/ has one file per id. */
export const SCALE_ACTIONS = ['add-workers', 'drain-workers', 'remove-workers', 'record-spec', 'observe-scaled', 'wait-ready'] as const;
/** One scale step's id. */
export type ScaleActionId = (typeof SCALE_ACTIONS)[number];

/** Everything `scale` will do to one cluster, as data. */
export interface ScalePlan {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'ScalePlan';
  name: string;
  engine: ClusterSpec['engine'];
  from: number;
  to: number;
  /** Node names (`<cluster>-agent-N`) of the workers to add. */
  add: string[];
  /** Container names of the workers to remove, newest first. */
  remove: string[];
  /** The spec after the change (its workers count). */
  spec: ClusterSpec;
  waitMs: number;
  actions: PlannedAction<ScaleActionId>[];
}

/** The number in a k3d agent's container name: k3d-<c>-agent-N, or k3d-<c>-agent-N-0 for one kindling added. */
function agentIndex(container: string): number {
  const m = /-agent-(\d+)(?:-0)?$/.exec(container);
  return m ? Number(m[1]) : -1;
}

/** Plans scaling to `workers` workers, given the worker containers that exist. Pure. */
export function planScale(spec: ClusterSpec, existing: readonly string[], workers: number, waitMs: number): ScalePlan {
  if (!Number.isInteger(workers) || workers < 0 || workers > 50)
    throw new InvalidInputError(`--workers ${workers} must be a whole number from 0 to 50`);
  if (spec.engine === 'kind' && workers !== existing.length) {
    throw new ConflictError(
      'scale-needs-recreate',
      `kind cannot add or remove nodes of an existing cluster ("${spec.name}" has ${existing.length} worker${existing.length === 1 ? '' : 's'})`,
      `\`kindling scale ${spec.name} --workers ${workers}\` recreates it at that size from a snapshot (src/api/scale.ts); this plan is k3d's in-place one`,
    );
  }
  const sorted = [...existing].sort((a, b) => agentIndex(a) - agentIndex(b));
  const next = Math.max(-1, ...sorted.map(agentIndex)) + 1;
  const add = Array.from({ length: Math.max(0, workers - existing.length) }, (_, i) => `${spec.name}-agent-${next + i}`);
  const remove = sorted.slice(workers).reverse();
  const after: ClusterSpec = { ...spec, nodes: { ...spec.nodes, workers } };
  const titles: Record<ScaleActionId, string> = {
    'add-workers': `Add ${add.length} worker${add.length === 1 ? '' : 's'} with k3d node create (${add.join(', ')}; image ${spec.image})`,
    'drain-workers': `Cordon and drain ${remove.join(', ')} (pods evicted through the Eviction API)`,
    'remove-workers': `Remove ${remove.join(', ')} with k3d node delete, and their Node objects`,
    'record-spec': `Record the spec of "${spec.name}" with ${workers} worker${workers === 1 ? '' : 's'} (next generation)`,
    'observe-scaled': 'Read the cluster back from Docker: every node running',
    'wait-ready': waitTitle(after, waitMs),
  };
  const included = (id: ScaleActionId): boolean => {
    if (id === 'add-workers') return add.length > 0;
    if (id === 'drain-workers' || id === 'remove-workers') return remove.length > 0;
    if (id === 'wait-ready') return waitMs > 0 && add.length + remove.length > 0;
    return add.length + remove.length > 0;
  };
  return {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'ScalePlan',
    name: spec.name,
    engine: spec.engine,
    from: existing.length,
    to: workers,
    add,
    remove,
    spec: after,
    waitMs,
    actions: SCALE_ACTIONS.filter(included).map((id) => ({ id, title: titles[id] })),
  };
}
