// Carries out `prune`'s plan (plan/prune-plan.ts), in an order that lets each removal succeed: orphaned
// engines stopped (then everything looked at again, as they may have made more), the store's clusters
// locked, containers, networks, volumes, kubeconfig contexts, store entries, temp files; locks last. What
// could not be removed is said in a note; the result lists what was removed.
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors.js';
import type { PrunePlan } from '../../plan/prune-facts.js';
import { planPrune } from '../../plan/prune-plan.js';
import type { HeldLock } from '../../state/state-store.js';
import type { ProcessTable } from '../../runtime/process-table.js';
import { gatherFacts } from './gather.js';
import { removeRegistry, updateRegistryRecord } from './prune-registries.js';
import { applyClusterEntry, unmergeKubeconfig } from './prune-store.js';
import { stopEngine } from './stop-engine.js';

/** How prune runs. */
export interface PruneRun {
  names?: readonly string[];
  dryRun: boolean;
  processes: ProcessTable;
  engineGraceMs?: number;
}

const CLUSTER_ACTIONS = new Set(['remove-cluster', 'retire-cluster', 'clear-operation']);

function emptyPlan(notes: string[]): PrunePlan {
  return {
    containers: [],
    networks: [],
    volumes: [],
    storeEntries: [],
    locks: [],
    tempFiles: [],
    processes: [],
    kubeconfigEntries: [],
    detach: [],
    notes,
  };
}

/** The plan (dry run), or what a real run removed. */
export async function applyPrune(ctx: Context, run: PruneRun): Promise<PrunePlan> {
  let plan = planPrune(await gatherFacts(ctx, run.processes, run.names));
  if (run.dryRun) return plan;
  const stopped = plan.processes;
  for (const p of stopped)
    ctx.logger.debug(`stopped ${p.name} (pid ${p.pid}) with ${await stopEngine(run.processes, p.pid, run.engineGraceMs)}`);
  if (stopped.length > 0) plan = planPrune(await gatherFacts(ctx, run.processes, run.names));
  const done = emptyPlan([...plan.notes]);
  done.processes = stopped;
  const attempt = async (what: string, fn: () => Promise<unknown>): Promise<boolean> => {
    try {
      await fn();
      return true;
    } catch (err) {
      done.notes.push(`could not remove ${what}: ${(err as Error).message}`);
      return false;
    }
  };
  const locks = await lockClusters(ctx, plan, done);
  const free = (cluster?: string) => cluster === undefined || !locks.busy.has(cluster);
  const docker = await ctx.docker();
  const registryEntries = new Map(plan.storeEntries.filter((e) => e.action === 'remove-registry').map((e) => [e.name, e]));
  for (const c of plan.containers.filter((c) => free(c.cluster))) {
    if (!c.registry) {
      if (await attempt(`container ${c.name}`, () => docker.removeContainer(c.id))) done.containers.push(c);
      continue;
    }
    const path = `registries/${c.registry}.json`;
    const entry = registryEntries.get(path);
    registryEntries.delete(path);
    if (await removeRegistry(ctx, c, entry)) {
      done.containers.push(c);
      if (entry) done.storeEntries.push(entry);
    } else done.notes.push(`registry ${c.registry}: a cluster uses it now, left alone`);
  }
  for (const d of plan.detach) await docker.disconnectNetwork(d.network, d.container);
  for (const n of plan.networks.filter((n) => free(n.cluster)))
    if (await attempt(`network ${n.name}`, () => docker.removeNetwork(n.name))) done.networks.push(n);
  for (const v of plan.volumes.filter((v) => free(v.cluster)))
    if (await attempt(`volume ${v.name}`, () => docker.removeVolume(v.name))) done.volumes.push(v);
  for (const k of plan.kubeconfigEntries.filter((k) => free(k.cluster)))
    if (await attempt(`context ${k.name} from ${k.file}`, () => unmergeKubeconfig(ctx, k.cluster!))) done.kubeconfigEntries.push(k);
  for (const e of plan.storeEntries.filter((e) => free(e.cluster))) {
    if (CLUSTER_ACTIONS.has(e.action)) {
      if (await attempt(e.name, () => applyClusterEntry(ctx, e))) done.storeEntries.push(e);
    } else if ((e.action !== 'remove-registry' || registryEntries.has(e.name)) && (await updateRegistryRecord(ctx, e))) {
      done.storeEntries.push(e);
    }
  }
  for (const t of plan.tempFiles) if (await attempt(t.name, () => rm(t.name, { recursive: true, force: true }))) done.tempFiles.push(t);
  for (const [name, lock] of locks.held) {
    // Forgotten or retired clusters took their lock with them; a folder that holds nothing else goes too.
    if (!(await ctx.store.has(name))) await ctx.store.remove(name);
    else await lock.release();
  }
  done.locks = plan.locks.filter((l) => locks.held.has(l.name));
  return done;
}

/** Locks every store cluster prune acts on (taking over a dead holder's lock); one that a live process holds now is left alone. */
async function lockClusters(ctx: Context, plan: PrunePlan, done: PrunePlan): Promise<{ held: Map<string, HeldLock>; busy: Set<string> }> {
  const names = new Set([
    ...plan.locks.map((l) => l.name),
    ...plan.storeEntries.filter((e) => CLUSTER_ACTIONS.has(e.action)).map((e) => e.cluster!),
  ]);
  const held = new Map<string, HeldLock>();
  const busy = new Set<string>();
  const operationId = randomUUID();
  for (const name of names) {
    try {
      held.set(name, await ctx.store.lock(name, 'prune', operationId));
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      busy.add(name);
      done.notes.push(`cluster ${name}: an operation started on it meanwhile, left alone`);
    }
  }
  return { held, busy };
}
