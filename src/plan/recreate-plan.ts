// The pure plan of a recreate: neither kind nor k3d changes a node's Kubernetes version in place, and kind cannot
// add or remove nodes, so `upgrade`, `snapshot restore` and kind's `scale` go one way: a snapshot (taken now, or
// the one named), checked; the cluster deleted; the same cluster made again (same name, API address and port,
// registry, kubeconfig context) at the new spec with up's own steps; the snapshot restored into it; the new spec
// recorded. If a step fails after the delete, the old cluster is made again from the same snapshot.
import { registryContainers, type ClusterSpec } from '../model/cluster-spec.js';
import type { PlannedAction, Plan, UpActionId } from './plan.js';

/** Why a cluster is recreated. */
export type RecreateReason = 'restore' | 'upgrade' | 'scale';

/** Up's steps that a recreate runs to make the cluster again, in up's order. */
const FROM_UP = [
  'ensure-network',
  'create-cluster',
  'save-kubeconfig',
  'merge-kubeconfig',
  'observe',
  'connect-registry',
  'apply-addons',
  'configure-cluster',
  'wait-ready',
] as const satisfies readonly UpActionId[];

/** The steps of a recreate, in order; up's steps are used for the create part. */
export const RECREATE_ACTIONS = [
  'take-snapshot',
  'verify-snapshot',
  'disconnect-registry',
  'delete-cluster',
  ...FROM_UP,
  'restore-snapshot',
  'record-spec',
] as const;
/** One recreate step's id. */
export type RecreateActionId = (typeof RECREATE_ACTIONS)[number];

/** The parts of a spec a recreate changes. */
export interface RecreateShape {
  kubernetesVersion: string;
  image: string;
  workers: number;
}

/** Everything a recreate will do, as data. */
export interface RecreatePlan {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'RecreatePlan';
  name: string;
  engine: ClusterSpec['engine'];
  reason: RecreateReason;
  from: RecreateShape;
  to: RecreateShape;
  /** The snapshot restored: taken by this operation (`taken`), or the one named. */
  snapshot: { id: string; taken: boolean };
  /** Node containers deleted and made again. */
  recreated: string[];
  /** What the new cluster keeps of the old one. */
  carriedOver: string[];
  /** The spec recorded at the end (the stored spec with the change; the API port as the user asked for it). */
  spec: ClusterSpec;
  /** How the new cluster is made: up's plan for the spec with the API port pinned to the one in use. */
  create: Plan;
  /** How the old one comes back if a step fails after the delete. */
  rollback: Plan;
  actions: PlannedAction<RecreateActionId>[];
}

function shape(spec: ClusterSpec): RecreateShape {
  return { kubernetesVersion: spec.kubernetesVersion, image: spec.image, workers: spec.nodes.workers };
}

/** What a recreate plan is made from: the specs and up's plans for both, the snapshot, and the old containers. */
export interface RecreateInput {
  reason: RecreateReason;
  /** The stored spec now, and the one wanted. */
  current: ClusterSpec;
  wanted: ClusterSpec;
  /** up's plans for the wanted spec and for the current one, both with the API port pinned. */
  create: Plan;
  rollback: Plan;
  snapshot: { id: string; taken: boolean };
  containers: string[];
  /** The API server's address now (`https://127.0.0.1:PORT`), kept. */
  apiServer?: string;
}

/** Plans a recreate. Pure. */
export function planRecreate(input: RecreateInput): RecreatePlan {
  const { current, wanted, create, snapshot } = input;
  const name = current.name;
  const upTitles = new Map(create.actions.map((a) => [a.id as string, a.title]));
  const where = `${name}/${snapshot.id}`;
  const titles: Partial<Record<RecreateActionId, string>> = {
    'take-snapshot': `Take snapshot ${where} (objects, Secrets, each claim's data), kept after the ${input.reason}`,
    'verify-snapshot': `Check every part of snapshot ${where} against its sha256`,
    'disconnect-registry': registryContainers(current).length
      ? `Disconnect registry ${registryContainers(current).join(', ')} from the cluster's network`
      : '',
    'delete-cluster': `Delete the node containers of "${name}" with ${current.engine} (${input.containers.join(', ')}); the state store keeps the cluster`,
    'restore-snapshot': `Restore snapshot ${where}: each claim's data into its node, its volume, then the objects in restore order`,
    'record-spec': `Record the spec of "${name}" (${describe(shape(wanted))})${same(current, wanted) ? '' : ', next generation'}`,
  };
  const included = (id: RecreateActionId): boolean => {
    if (id === 'take-snapshot') return snapshot.taken;
    if (id === 'disconnect-registry') return registryContainers(current).length > 0 && current.engine === 'k3d';
    if ((FROM_UP as readonly string[]).includes(id)) return upTitles.has(id);
    return true;
  };
  return {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'RecreatePlan',
    name,
    engine: current.engine,
    reason: input.reason,
    from: shape(current),
    to: shape(wanted),
    snapshot,
    recreated: input.containers,
    carriedOver: [
      `the name "${name}" and the kubeconfig context ${create.context} (its entry updated in place)`,
      ...(input.apiServer ? [`the API server address ${input.apiServer}`] : []),
      ...(current.registry ? [`registry ${current.registry.name} (${current.registry.host})`] : []),
      ...(current.imageCache ? [`image cache ${current.imageCache.name} (mirror of ${current.imageCache.mirrorOf})`] : []),
      `every object and claim of snapshot ${where}, with each claim's data`,
    ],
    spec: wanted,
    create,
    rollback: input.rollback,
    actions: RECREATE_ACTIONS.filter(included).map((id) => ({ id, title: titles[id] ?? upTitles.get(id) ?? id })),
  };
}

function describe(s: RecreateShape): string {
  return `Kubernetes ${s.kubernetesVersion}, ${s.workers} worker${s.workers === 1 ? '' : 's'}, image ${s.image}`;
}

/** Whether two specs are the same (the recreate changes nothing that is recorded). */
export function same(a: ClusterSpec, b: ClusterSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
