// `down`: deletes clusters kindling made, through their engine, then sweeps anything still labelled for
// them and forgets them in the state store. Idempotent per cluster; never touches unlabelled objects.
import { randomUUID } from 'node:crypto';
import { sweepLeftovers, type SweepResult } from '../apply/sweep.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { engineNaming } from '../model/engine-naming.js';
import { MERGE_RECORD } from '../apply/actions/merge-kubeconfig.js';
import { removeFromUserKubeconfig, type MergeRecord } from '../kubeconfig/user-kubeconfig.js';
import { releaseRegistry } from '../registry/claim-registry.js';
import { disconnectRegistry } from '../registry/connect-nodes.js';
import { createContext } from './create-context.js';
import { type CommonOptions, type Context } from '../context.js';

/** Options of `down`. */
export interface DownOptions extends CommonOptions {
  names?: readonly string[];
  /** Every cluster in the state store. */
  all?: boolean;
}

/** What was removed for one cluster. */
export interface DownResult {
  name: string;
  engine: string;
  removed: SweepResult;
}

async function unmanagedHint(ctx: Context, name: string): Promise<string> {
  // The hint is a courtesy: if Docker cannot be asked, the answer is still "not found".
  const docker = await ctx.docker().catch(() => undefined);
  if (!docker) return 'see `kindling list`';
  for (const [engine, naming] of Object.entries(engineNaming)) {
    const found = await docker.listContainers(naming.containerLabels(name)).catch(() => []);
    if (found.length > 0) {
      const how = engine === 'kind' ? `kind delete cluster --name ${name}` : `k3d cluster delete ${name}`;
      return `a ${engine} cluster of that name exists but kindling did not create it: delete it with \`${how}\``;
    }
  }
  return 'see `kindling list`';
}

async function downOne(ctx: Context, name: string): Promise<DownResult> {
  const stored = await ctx.store.readSpec(name);
  if (!stored) throw new NotFoundError('cluster', `no cluster named "${name}" in the state store (${ctx.store.location})`, await unmanagedHint(ctx, name));
  const { engine: engineName } = stored.spec;
  const operationId = randomUUID();
  const startedAt = ctx.now().toISOString();
  const lock = await ctx.store.lock(name, 'down', operationId);
  try {
    const engine = await ctx.engine(engineName);
    await disconnectRegistry(ctx, stored.spec);
    await engine.delete(name);
    // The sweep removes every container still labelled for the cluster, or throws.
    const removed = await sweepLeftovers(ctx, name, engineName);
    if (stored.spec.registry && (await releaseRegistry(ctx, stored.spec.registry.name, name))) removed.containers.push(stored.spec.registry.name);
    const merged = await ctx.store.readRecord<MergeRecord>(name, MERGE_RECORD);
    if (merged) await removeFromUserKubeconfig(merged);
    await ctx.store.remove(name);
    return { name, engine: engineName, removed };
  } catch (err) {
    await ctx.store.appendHistory(name, {
      op: 'down',
      operationId,
      startedAt,
      finishedAt: ctx.now().toISOString(),
      outcome: 'failed',
      steps: [],
      error: { code: (err as { code?: string }).code ?? 'unexpected', message: (err as Error).message },
    });
    await lock.release();
    throw err;
  }
}

/** Deletes the named clusters (or all) in order; stops at the first failure. */
export async function down(opts: DownOptions): Promise<DownResult[]> {
  const ctx = createContext(opts);
  const names = opts.all ? await ctx.store.list() : [...(opts.names ?? [])];
  if (!opts.all && names.length === 0) throw new InvalidInputError('name at least one cluster to delete, or pass --all');
  const results: DownResult[] = [];
  for (const name of names) results.push(await downOne(ctx, name));
  return results;
}
