// Reads what `prune` decides from (plan/prune-facts.ts): Docker first, then the state store, so that a
// cluster being made while prune looks is seen in the store (its intent is recorded before the engine runs).
import type { Context } from '../../context.js';
import { LABEL_CLUSTER, LABEL_MANAGED } from '../../labels.js';
import { MERGE_RECORD, type MergeRecord } from '../../kubeconfig/user-kubeconfig.js';
import { engineNaming } from '../../model/engine-naming.js';
import type { ContainerFact, LabelledObject, PruneFacts, RegistryFact, StoreClusterFact } from '../../plan/prune-facts.js';
import type { ProcessTable } from '../../runtime/process-table.js';
import { isOrphaned, readOperation } from '../operation-record.js';
import { listTempEntries } from './temp-entries.js';

const unique = <T>(items: T[], key: (t: T) => string): T[] => [...new Map(items.map((i) => [key(i), i])).values()];

/** Containers, networks and volumes carrying kindling's labels or an engine's. */
async function dockerFacts(ctx: Context): Promise<Pick<PruneFacts, 'containers' | 'networks' | 'volumes'>> {
  const docker = await ctx.docker();
  const marks = [{ [LABEL_MANAGED]: 'true' }, ...Object.values(engineNaming).map((n) => ({ [n.clusterLabelKey]: '' }))];
  const found = (await Promise.all(marks.map((m) => docker.listContainers(m)))).flat();
  const containers: ContainerFact[] = unique(found, (c) => c.id).map((c) => ({
    id: c.id,
    name: c.name,
    labels: c.labels,
    networks: c.networks,
  }));
  // k3d marks its networks and volumes app=k3d; kind makes none per cluster.
  const objectMarks: Record<string, string>[] = [{ [LABEL_MANAGED]: 'true' }, { app: 'k3d' }];
  const networks: LabelledObject[] = unique(
    (await Promise.all(objectMarks.map((labels) => docker.listNetworks({ labels })))).flat(),
    (n) => n.name,
  );
  const volumes: LabelledObject[] = unique(
    (await Promise.all(objectMarks.map((labels) => docker.listVolumes({ labels })))).flat(),
    (v) => v.name,
  );
  return { containers, networks, volumes };
}

/** What the store holds of one cluster name. */
async function clusterFact(ctx: Context, table: ProcessTable, name: string, held: boolean): Promise<StoreClusterFact> {
  const { store } = ctx;
  const [stored, lock, record, history, merged] = await Promise.all([
    store.readSpec(name),
    store.readLock(name),
    held ? readOperation(store, name) : undefined,
    held ? store.readHistory(name) : [],
    held ? store.readRecord<MergeRecord>(name, MERGE_RECORD) : undefined,
  ]);
  const fact: StoreClusterFact = { name, held, existedBefore: history.some((h) => h.outcome === 'succeeded') };
  if (stored) fact.engine = stored.spec.engine;
  if (lock) fact.lock = { op: lock.info.op, pid: lock.info.pid, host: lock.info.host, live: lock.live };
  const context = merged?.names.contexts[0];
  if (merged && context) fact.merged = { file: merged.file, context };
  if (record) {
    const orphaned = isOrphaned(record, ctx.host, (pid) => table.isAlive(pid));
    fact.operation = {
      op: record.op,
      operationId: record.operationId,
      intended: record.intended.length,
      completed: record.completed.length,
      retain: record.retain ?? false,
      orphaned,
    };
    const pid = record.enginePid;
    if (orphaned && pid !== undefined && table.isAlive(pid)) fact.operation.engine = { pid, command: (await table.commandLine(pid)) ?? [] };
  }
  return fact;
}

/** Every fact `prune` needs; `names` limits it to those clusters. */
export async function gatherFacts(ctx: Context, table: ProcessTable, names?: readonly string[]): Promise<PruneFacts> {
  const docker = await dockerFacts(ctx);
  const { store } = ctx;
  const [listed, files] = await Promise.all([store.list(), store.listFiles()]);
  const inFiles = files.filter((p) => p.startsWith('clusters/')).map((p) => p.split('/')[1]!);
  const clusterKeys = [LABEL_CLUSTER, ...Object.values(engineNaming).map((n) => n.clusterLabelKey)];
  const inDocker = docker.containers.flatMap((c) => clusterKeys.flatMap((k) => c.labels[k] ?? []));
  const candidates = [...new Set([...listed, ...inFiles, ...inDocker])].sort();
  const clusters = await Promise.all(candidates.map((n) => clusterFact(ctx, table, n, listed.includes(n))));
  const registryNames = files.flatMap((p) => /^registries\/([^/]+)\.json$/.exec(p)?.[1] ?? []);
  const records = await Promise.all(registryNames.map((n) => store.readRegistry(n)));
  const registries: RegistryFact[] = records.flatMap((r) =>
    r ? [{ name: r.name, users: r.users, createdBy: r.createdBy, shared: r.shared }] : [],
  );
  const temp = names ? [] : await listTempEntries(ctx);
  return { now: ctx.now().toISOString(), ...(names ? { names } : {}), ...docker, clusters, registries, temp };
}
