// `list` and `status`: what the store holds, reconciled with what Docker really has. A cluster deleted
// behind kindling's back is reported as `missing`; nothing here writes to Docker.
import { readFile } from 'node:fs/promises';
import { NotFoundError } from '../errors.js';
import { probeReadiness, type StageState } from '../readiness/probe.js';
import { readinessStages } from '../readiness/stages.js';
import { engineNaming } from '../model/engine-naming.js';
import type { EngineName } from '../presets/schema.js';
import type { ClusterStatus } from '../model/cluster-status.js';
import { observeCluster } from '../status/observe.js';
import { contextOf, type ClusterSpec } from '../model/cluster-spec.js';
import type { ContainerInfo } from '../runtime/docker-client.js';
import { createContext } from './create-context.js';
import type { CommonOptions, Context } from '../context.js';
import { ORIGIN_RECORD, type Origin } from '../model/origin.js';

/** One cluster as `list` and `status` report it. */
export interface ClusterSummary extends ClusterStatus {
  preset: string;
  kubernetesVersion: string;
  generation: number;
  kubeconfigPath?: string;
  /** Each readiness stage as it is now (status only, for a running cluster). */
  readiness?: StageState[];
  /** The machine and Docker engine that made it (clusters made before kindling recorded it have none). */
  origin?: Origin;
}

/** A cluster none of whose containers this machine's Docker has, made on another machine: remote, not missing. */
export function remoteOrigin(ctx: Context, status: ClusterStatus, origin: Origin | undefined): Origin | undefined {
  return status.phase === 'missing' && origin !== undefined && origin.host !== ctx.host ? origin : undefined;
}

async function summarise(
  ctx: Context,
  name: string,
  spec: ClusterSpec,
  generation: number,
  containers?: ContainerInfo[],
): Promise<ClusterSummary> {
  const observed = await observeCluster(ctx, name, spec.engine, containers, { context: contextOf(spec) });
  const origin = await ctx.store.readRecord<Origin>(name, ORIGIN_RECORD);
  const remote = remoteOrigin(ctx, observed, origin);
  const status: ClusterStatus = remote
    ? { ...observed, phase: 'remote', message: `made on ${remote.host}: its containers are in that machine's Docker (${remote.docker})` }
    : observed;
  // creating/deleting mean another operation holds the lock and owns the status; a remote cluster's status is
  // its own machine's to write.
  if (status.phase !== 'creating' && status.phase !== 'deleting' && !remote) await ctx.store.writeStatus(name, status);
  const kubeconfigPath = await ctx.store.kubeconfigPath(name);
  return {
    ...status,
    preset: spec.preset,
    kubernetesVersion: spec.kubernetesVersion,
    generation,
    ...(kubeconfigPath ? { kubeconfigPath } : {}),
    ...(origin ? { origin } : {}),
  };
}

/** Every cluster in the state store, observed now (one Docker query per engine). */
export async function list(opts: CommonOptions = {}): Promise<ClusterSummary[]> {
  const ctx = createContext(opts);
  const names = await ctx.store.list();
  const specs = (await Promise.all(names.map(async (n) => [n, await ctx.store.readSpec(n)] as const))).filter(
    (e): e is readonly [string, NonNullable<(typeof e)[1]>] => e[1] !== undefined,
  );
  if (specs.length === 0) return [];
  const docker = await ctx.docker();
  const byEngine = new Map<EngineName, ContainerInfo[]>();
  for (const engine of new Set(specs.map(([, s]) => s.spec.engine))) {
    byEngine.set(engine, await docker.listContainers(engineNaming[engine].containerLabels('')));
  }
  return Promise.all(
    specs.map(([name, s]) => {
      const key = engineNaming[s.spec.engine].clusterLabelKey;
      const containers = (byEngine.get(s.spec.engine) ?? []).filter((c) => c.labels[key] === name);
      return summarise(ctx, name, s.spec, s.generation, containers);
    }),
  );
}

/** One cluster, observed now. Throws NotFoundError if the store does not know it. */
export async function status(opts: CommonOptions & { name: string }): Promise<ClusterSummary> {
  const ctx = createContext(opts);
  const stored = await ctx.store.readSpec(opts.name);
  if (!stored)
    throw new NotFoundError('cluster', `no cluster named "${opts.name}" in the state store (${ctx.store.location})`, 'see `kindling list`');
  const summary = await summarise(ctx, opts.name, stored.spec, stored.generation);
  if (summary.phase !== 'running' || !summary.kubeconfigPath) return summary;
  const api = await ctx.kubeApi(await readFile(summary.kubeconfigPath, 'utf8'));
  return { ...summary, readiness: await probeReadiness(api, readinessStages(stored.spec)) };
}
