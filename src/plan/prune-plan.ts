// Pure: the plan of `prune` from what Docker, the state store and the temp folder hold (plan/prune-facts.ts).
// Docker objects go only when they belong to a cluster kindling made and no longer keeps: one carrying
// kindling's own labels whose cluster the store does not hold, or one whose interrupted first `up` (or `down`)
// the store's journal records. An object with only an engine's label (a cluster made with kind or k3d directly)
// or with no label at all is never removed, nor is anything of a cluster the store holds in good health.
import { LABEL_CLUSTER, LABEL_MANAGED, LABEL_REGISTRY } from '../labels.js';
import { engineNaming } from '../model/engine-naming.js';
import type { EngineName } from '../presets/schema.js';
import { decideClusters, type ClusterRemoval } from './prune-clusters.js';
import type { ContainerFact, LabelledObject, PruneEntry, PruneFacts, PrunePlan } from './prune-facts.js';

/** Temp entries younger than this may belong to a kindling that runs now. */
export const TEMP_MIN_AGE_MS = 60 * 60 * 1000;
/** What kindling leaves in the temp folder: engine throwaway dirs (mkdtemp `kindling-XXXXXX`) and the kind network's file lock. */
const TEMP_DIR = /^kindling-[A-Za-z0-9]{6}$/;
const TEMP_FILE = 'kindling-kind-network.lock';

const ENGINES = Object.keys(engineNaming) as EngineName[];

/** Whose an object is: the cluster it names, by the engine's label or else kindling's, and whether kindling labelled it. */
interface Owner {
  name: string;
  engine: EngineName | undefined;
  ours: boolean;
}

function ownerOf(labels: Record<string, string>): Owner | undefined {
  const ours = labels[LABEL_MANAGED] === 'true' ? labels[LABEL_CLUSTER] : undefined;
  const engine = ENGINES.find((e) => labels[engineNaming[e].clusterLabelKey] !== undefined);
  const name = engine ? labels[engineNaming[engine].clusterLabelKey]! : ours;
  return name ? { name, engine, ours: ours === name } : undefined;
}

const groupKey = (engine: EngineName | undefined, name: string) => `${engine ?? 'kindling'}/${name}`;

/** A registry container kindling runs (shared by clusters: it carries no cluster label). */
const registryOf = (c: ContainerFact) => (c.labels[LABEL_MANAGED] === 'true' ? c.labels[LABEL_REGISTRY] : undefined);

/** The plan of `prune`. */
export function planPrune(f: PruneFacts): PrunePlan {
  const inScope = (name: string) => !f.names || f.names.includes(name);
  const decided = decideClusters(f.clusters.filter((c) => inScope(c.name)));
  const plan: PrunePlan = { containers: [], networks: [], volumes: [], tempFiles: [], detach: [], ...decided.plan };
  const kept = new Set(f.clusters.filter((c) => c.held || c.lock?.live).map((c) => c.name));
  const gone = removedGroups(f, decided.removals, kept, inScope);
  const reasonOf = (o: Owner | undefined) => (o ? gone.get(groupKey(o.engine, o.name)) : undefined);
  for (const c of f.containers) {
    const reason = registryOf(c) === undefined ? reasonOf(ownerOf(c.labels)) : undefined;
    if (reason) plan.containers.push({ name: c.name, id: c.id, cluster: ownerOf(c.labels)!.name, reason });
  }
  plan.networks.push(...objectsOf(f.networks, gone, 'ownedNetworks'));
  plan.volumes.push(...objectsOf(f.volumes, gone, 'ownedVolumes'));
  planRegistries(f, plan, new Set(decided.removals.map((r) => r.name)), inScope);
  const removedNetworks = new Set(plan.networks.map((n) => n.name));
  const removedContainers = new Set(plan.containers.map((c) => c.id));
  for (const c of f.containers.filter((c) => registryOf(c) !== undefined && !removedContainers.has(c.id)))
    for (const network of c.networks.filter((n) => removedNetworks.has(n))) plan.detach.push({ network, container: c.name });
  if (!f.names) plan.tempFiles.push(...staleTemp(f));
  return plan;
}

/** The clusters (by engine/name) whose objects go, with why. */
function removedGroups(
  f: PruneFacts,
  removals: readonly ClusterRemoval[],
  kept: ReadonlySet<string>,
  inScope: (name: string) => boolean,
): Map<string, string> {
  const gone = new Map<string, string>();
  for (const r of removals) {
    gone.set(groupKey(r.engine, r.name), r.reason);
    gone.set(groupKey(undefined, r.name), r.reason);
  }
  const owners = [...f.containers.filter((c) => registryOf(c) === undefined), ...f.networks, ...f.volumes].map((o) => ownerOf(o.labels));
  for (const o of owners) {
    // One object kindling labelled makes its whole cluster kindling's: an engine allows one cluster of a name.
    if (!o?.ours || kept.has(o.name) || !inScope(o.name)) continue;
    gone.set(groupKey(o.engine, o.name), `cluster ${o.name}: not in the state store`);
  }
  return gone;
}

/** Networks or volumes of removed clusters: labelled for them, or named after them by their engine (k3d's, with k3d's mark). */
function objectsOf(
  list: readonly LabelledObject[],
  gone: ReadonlyMap<string, string>,
  owned: 'ownedNetworks' | 'ownedVolumes',
): PruneEntry[] {
  const byName = new Map<string, { cluster: string; reason: string }>();
  for (const [key, reason] of gone) {
    const [engine, cluster] = [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)];
    if (engine === 'kindling') continue;
    for (const n of engineNaming[engine as EngineName][owned](cluster)) byName.set(n, { cluster, reason });
  }
  const out: PruneEntry[] = [];
  for (const o of list) {
    const owner = ownerOf(o.labels);
    const labelled = owner && gone.get(groupKey(owner.engine, owner.name));
    const named = byName.get(o.name);
    if (labelled) out.push({ name: o.name, cluster: owner.name, reason: labelled });
    else if (named && o.labels.app === 'k3d') out.push({ name: o.name, ...named });
  }
  return out;
}

/** Registry containers no cluster uses any more, and registry records that name clusters the store no longer holds. */
function planRegistries(f: PruneFacts, plan: PrunePlan, removed: ReadonlySet<string>, inScope: (name: string) => boolean): void {
  const held = new Set(f.clusters.filter((c) => c.held && !removed.has(c.name)).map((c) => c.name));
  const containers = new Map(f.containers.flatMap((c) => (registryOf(c) ? [[registryOf(c)!, c] as const] : [])));
  const records = new Map(f.registries.map((r) => [r.name, r]));
  for (const name of [...new Set([...records.keys(), ...containers.keys()])].sort()) {
    const record = records.get(name);
    const container = containers.get(name);
    if (f.names && !record?.users.some(inScope)) continue;
    const path = `registries/${name}.json`;
    if (!record) {
      const reason = `registry ${name}: the state store has no record of it, so no cluster uses it`;
      if (container) plan.containers.push({ name: container.name, id: container.id, registry: name, reason });
      continue;
    }
    const dropped = record.users.filter((u) => !held.has(u));
    if (dropped.length === record.users.length && record.createdBy === 'kindling' && !record.shared) {
      const reason = `registry ${name}: no cluster uses it`;
      if (container) plan.containers.push({ name: container.name, id: container.id, registry: name, reason });
      plan.storeEntries.push({ name: path, action: 'remove-registry', users: record.users, reason });
    } else if (dropped.length > 0) {
      const reason = `registry ${name}: ${dropped.join(', ')} no longer in the state store`;
      plan.storeEntries.push({ name: path, action: 'drop-registry-users', users: dropped, reason });
    }
  }
}

/** kindling's temp entries untouched for an hour. */
function staleTemp(f: PruneFacts): PruneEntry[] {
  const now = new Date(f.now).getTime();
  return f.temp
    .filter((t) => (t.directory ? TEMP_DIR.test(t.name) : t.name === TEMP_FILE))
    .filter((t) => now - new Date(t.modified).getTime() > TEMP_MIN_AGE_MS)
    .map((t) => ({
      name: t.path,
      reason: `kindling temp ${t.directory ? 'folder' : 'file'} untouched since ${t.modified}`,
    }));
}
