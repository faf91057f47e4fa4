// The pure plan of `down`: from the stored spec and what `up` merged into the user's kubeconfig, the steps
// that delete the cluster, in order, with their titles. `down --dry-run` prints it.
import { contextOf, registryContainers, type ClusterSpec } from '../model/cluster-spec.js';
import { engineNaming } from '../model/engine-naming.js';
import type { PlannedAction } from './plan.js';

/** The steps `down` takes, in order; apply/down/ has one file per id. */
export const DOWN_ACTIONS = [
  'disconnect-registry',
  'delete-cluster',
  'sweep-leftovers',
  'release-registry',
  'unmerge-kubeconfig',
  'forget-cluster',
] as const;
/** One step's id. */
export type DownActionId = (typeof DOWN_ACTIONS)[number];

/** Everything `down` will do to one cluster, as data. */
export interface DownPlan {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'DownPlan';
  name: string;
  engine: ClusterSpec['engine'];
  actions: PlannedAction<DownActionId>[];
}

/** Where `up` merged the cluster's entries (absent: it did not, or they were removed already). */
export interface MergedInto {
  file: string;
}

function included(id: DownActionId, spec: ClusterSpec, merged: MergedInto | undefined): boolean {
  switch (id) {
    case 'disconnect-registry':
      // kind's registry stays on the shared `kind` network; k3d's own network goes with the cluster.
      return registryContainers(spec).length > 0 && spec.engine === 'k3d';
    case 'release-registry':
      return registryContainers(spec).length > 0;
    case 'unmerge-kubeconfig':
      return merged !== undefined;
    default:
      return true;
  }
}

function titles(spec: ClusterSpec, merged: MergedInto | undefined): Record<DownActionId, string> {
  const { name, engine } = spec;
  const registries = registryContainers(spec).join(', ');
  const many = registryContainers(spec).length > 1;
  const owned = [...engineNaming[engine].ownedNetworks(name), ...engineNaming[engine].ownedVolumes(name)];
  return {
    'disconnect-registry': registries ? `Disconnect ${many ? 'registries' : 'registry'} ${registries} from the cluster's network` : '',
    'delete-cluster': `Delete cluster "${name}" with ${engine}`,
    'sweep-leftovers': `Remove containers still labelled for "${name}"${owned.length ? ` and ${engine}'s ${owned.join(', ')}` : ''}`,
    'release-registry': registries
      ? `Release ${many ? 'registries' : 'registry'} ${registries} (each removed when no other cluster uses it and kindling made it)`
      : '',
    'unmerge-kubeconfig': `Remove context ${contextOf(spec)} from ${merged?.file ?? 'your kubeconfig'}`,
    'forget-cluster': `Forget "${name}" in the state store (its history is kept under deleted/${name}/)`,
  };
}

/** Plans the deletion of the cluster `spec` describes; `forget`: only drop it from the store. Pure. */
export function planDown(spec: ClusterSpec, merged?: MergedInto, opts: { forget?: boolean } = {}): DownPlan {
  const t = titles(spec, merged);
  if (opts.forget) {
    t['forget-cluster'] =
      `Forget "${spec.name}" in the state store only (its history is kept under deleted/${spec.name}/); its containers stay where they are`;
  }
  return {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'DownPlan',
    name: spec.name,
    engine: spec.engine,
    actions: DOWN_ACTIONS.filter((id) => (opts.forget ? id === 'forget-cluster' : included(id, spec, merged))).map((id) => ({
      id,
      title: t[id],
    })),
  };
}
