// The Docker label keys kindling puts on what it creates. Kept in one place: the sweep that removes
// leftovers deletes nothing that lacks them (or the engine's own cluster label).

/** Marks an object as created by kindling. */
export const LABEL_MANAGED = 'dev.kindling.managed';
/** The cluster an object belongs to. */
export const LABEL_CLUSTER = 'dev.kindling.cluster';
/** The preset the cluster was made from. */
export const LABEL_PRESET = 'dev.kindling.preset';

/** The labels for one cluster's objects. */
export function clusterLabels(cluster: string, preset: string): Record<string, string> {
  return { [LABEL_MANAGED]: 'true', [LABEL_CLUSTER]: cluster, [LABEL_PRESET]: preset };
}

/** The registry a container is (registries are shared, so they carry no cluster label). */
export const LABEL_REGISTRY = 'dev.kindling.registry';

/** The labels of a registry container kindling runs. */
export function registryLabels(registry: string, operationId: string): Record<string, string> {
  return { [LABEL_MANAGED]: 'true', [LABEL_REGISTRY]: registry, 'dev.kindling.operation': operationId };
}

/** On an image cache kindling runs: the upstream it pulls through from (a cache serves one upstream). */
export const LABEL_CACHE_UPSTREAM = 'dev.kindling.cache-upstream';
