// How much memory a cluster takes on this host, measured once after `up` from Docker's stats of its node
// containers and kept in the store (record `footprint`), so that `kindling doctor` can say how many more clusters
// of a preset fit from what clusters really used here rather than from a guess.
import type { Context } from '../context.js';
import { engineNaming } from '../model/engine-naming.js';
import type { EngineName } from '../presets/schema.js';
import { clusterContainers } from './observe.js';

/** The store record key a cluster's footprint is kept under. */
export const FOOTPRINT_RECORD = 'footprint';

/** One measurement: the sum over the cluster's running node containers (load balancer included) of the
 * memory each uses without its file cache, as `docker stats` shows it. */
export interface Footprint {
  memoryBytes: number;
  /** ISO time of the measurement. */
  measuredAt: string;
  /** The preset the cluster was made from. */
  preset: string;
}

/** The engines to look in: the stored spec's, else both (a cluster the store does not know). */
async function enginesOf(ctx: Context, name: string): Promise<EngineName[]> {
  const stored = await ctx.store.readSpec(name);
  return stored ? [stored.spec.engine] : ['kind', 'k3d'];
}

/** Measures the cluster's memory now and writes it as its `footprint` record. Never throws: a measurement must
 * not fail the operation after which it is taken; a failure is logged at debug level and gives undefined, as
 * does a cluster with no running node container (nothing is written then). */
export async function recordFootprint(ctx: Context, name: string, preset: string): Promise<Footprint | undefined> {
  try {
    const docker = await ctx.docker();
    const engines = await enginesOf(ctx, name);
    const found = (await Promise.all(engines.map((e) => clusterContainers(ctx, name, e).then((cs) => cs.map((c) => ({ c, e }))))))
      .flat()
      .filter(({ c, e }) => c.state === 'running' && engineNaming[e].roleOf(c.labels) !== 'noRole');
    if (found.length === 0) {
      ctx.logger.debug(`footprint of ${name}: no running node container to measure`);
      return undefined;
    }
    const used = await Promise.all(found.map(({ c }) => docker.containerMemory(c.id)));
    const footprint: Footprint = {
      memoryBytes: used.reduce((a, b) => a + b, 0),
      measuredAt: ctx.now().toISOString(),
      preset,
    };
    await ctx.store.writeRecord(name, FOOTPRINT_RECORD, footprint);
    ctx.logger.debug(`footprint of ${name}: ${footprint.memoryBytes} bytes over ${found.length} container(s)`);
    return footprint;
  } catch (err) {
    ctx.logger.debug(`footprint of ${name} not recorded: ${(err as Error).message}`);
    return undefined;
  }
}

/** Every recorded footprint in the store, by cluster name; a cluster without one (or an unreadable one) is left out. */
export async function recordedFootprints(ctx: Pick<Context, 'store'>): Promise<Map<string, Footprint>> {
  const names = await ctx.store.list();
  const read = await Promise.all(
    names.map(async (n) => [n, await ctx.store.readRecord<Footprint>(n, FOOTPRINT_RECORD).catch(() => undefined)] as const),
  );
  const valid = read.filter((e): e is readonly [string, Footprint] => isFootprint(e[1]));
  return new Map(valid);
}

function isFootprint(v: unknown): v is Footprint {
  const f = v as Partial<Footprint> | undefined;
  return typeof f?.memoryBytes === 'number' && f.memoryBytes > 0 && typeof f.preset === 'string';
}
