// `workshop up`'s clusters: for each seat, on its Docker host, `up`, the manifests, the images, the starting
// snapshot, the store record and the attendee's folder; at most `parallel` at once, a failed seat cleaned up and
// tried once more, one progress line per step. Seats the store already holds for this workshop are kept as they
// are, so running it again finishes an incomplete workshop.
import type { Context } from '../../context.js';
import { ConflictError } from '../../errors.js';
import type { Seat } from '../../workshop/attendees.js';
import { isMember, START_SNAPSHOT, WORKSHOP_RECORD, type WorkshopMember } from '../../workshop/member.js';
import { runPool } from '../../workshop/pool.js';
import { writeAttendee, writeIndex } from './handout-files.js';
import type { WorkshopProgress, WorkshopVerbs } from './verbs.js';

/** What to make. */
export interface WorkshopUpRequest {
  workshop: string;
  seats: readonly Seat[];
  /** The Docker context of each seat (same order; undefined: the default one). */
  hosts: readonly (string | undefined)[];
  parallel: number;
  outDir: string;
  hasManifests: boolean;
  images: readonly string[];
  onProgress?: (p: WorkshopProgress) => void;
}

/** One seat's outcome. */
export interface SeatOutcome {
  attendee: string;
  label: string;
  cluster: string;
  dockerContext?: string;
  ok: boolean;
  /** Already in the store for this workshop: left as it was. */
  existing?: boolean;
  attempts: number;
  /** Seconds from the first attempt's start to ready (or to giving up). */
  seconds: number;
  context?: string;
  kubeconfig?: string;
  objects?: number;
  error?: { code: string; message: string };
}

/** Refuses (before anything is made) a seat whose cluster name another cluster or workshop has. */
async function existingMembers(ctx: Context, req: WorkshopUpRequest): Promise<Map<string, WorkshopMember>> {
  const kept = new Map<string, WorkshopMember>();
  for (const seat of req.seats) {
    if (!(await ctx.store.has(seat.cluster))) continue;
    const record = await ctx.store.readRecord<unknown>(seat.cluster, WORKSHOP_RECORD);
    if (!isMember(record) || record.workshop !== req.workshop) {
      throw new ConflictError(
        'cluster-exists',
        `cluster "${seat.cluster}" exists and is not part of workshop "${req.workshop}"`,
        `choose another workshop name, or remove it first: kindling down ${seat.cluster} --yes`,
      );
    }
    kept.set(seat.cluster, record);
  }
  return kept;
}

const failure = (err: unknown) => ({
  code: (err as { code?: unknown }).code !== undefined ? String((err as { code?: unknown }).code) : 'unexpected',
  message: (err as Error).message ?? String(err),
});

/** Makes the workshop's clusters; never throws for one cluster's failure (its outcome says it). */
export async function applyWorkshopUp(
  ctx: Context,
  verbs: WorkshopVerbs,
  req: WorkshopUpRequest,
): Promise<{ outcomes: SeatOutcome[]; errors: unknown[]; index: string }> {
  const kept = await existingMembers(ctx, req);
  const say = (seat: Seat, phase: string, message: string) =>
    req.onProgress?.({ cluster: seat.cluster, attendee: seat.attendee, phase, message });
  const items = req.seats.map((seat, index) => ({ seat, index, host: req.hosts[index] }));
  const started = new Map<string, number>();

  const makeSeat = async ({ seat, index, host }: (typeof items)[number]): Promise<SeatOutcome> => {
    if (!started.has(seat.cluster)) started.set(seat.cluster, Date.now());
    const old = kept.get(seat.cluster);
    if (old) {
      say(seat, 'ready', 'exists already: kept as it is');
      return {
        attendee: seat.attendee,
        label: seat.label,
        cluster: seat.cluster,
        ...(old.dockerContext ? { dockerContext: old.dockerContext } : {}),
        ok: true,
        existing: true,
        attempts: 0,
        seconds: 0,
        context: old.context,
      };
    }
    say(seat, 'creating', `creating on Docker ${host ?? 'default'}`);
    const made = await verbs.up(seat.cluster, host);
    let objects = 0;
    if (req.hasManifests) {
      say(seat, 'applying', 'applying the starting manifests');
      objects = await verbs.applyManifests(seat.cluster, host, made.kubeconfigPath);
    }
    if (req.images.length > 0) {
      say(seat, 'loading', `loading ${req.images.length} image(s)`);
      await verbs.load(seat.cluster, host, req.images);
    }
    say(seat, 'snapshotting', `taking the starting snapshot ${START_SNAPSHOT}`);
    await verbs.snapshot(seat.cluster, host, START_SNAPSHOT);
    const member: WorkshopMember = {
      workshop: req.workshop,
      attendee: seat.attendee,
      label: seat.label,
      cluster: seat.cluster,
      index,
      ...(host ? { dockerContext: host } : {}),
      context: made.context,
      snapshot: START_SNAPSHOT,
      outDir: req.outDir,
      createdAt: ctx.now().toISOString(),
    };
    await ctx.store.writeRecord(seat.cluster, WORKSHOP_RECORD, member);
    const kubeconfig = await writeAttendee(req.outDir, member, made.kubeconfigPath);
    const seconds = (Date.now() - started.get(seat.cluster)!) / 1000;
    say(seat, 'ready', `ready in ${seconds.toFixed(1)} s (context ${made.context}${objects > 0 ? `, ${objects} objects applied` : ''})`);
    return {
      attendee: seat.attendee,
      label: seat.label,
      cluster: seat.cluster,
      ...(host ? { dockerContext: host } : {}),
      ok: true,
      attempts: 1,
      seconds,
      context: made.context,
      kubeconfig,
      objects,
    };
  };

  /** Whatever a failed attempt left: the cluster (up rolls back its own failure, not a later step's) and its snapshot. */
  const cleanUp = async ({ seat, host }: (typeof items)[number]) => {
    await verbs.down(seat.cluster, host).catch((err: Error) => ctx.logger.debug(`${seat.cluster}: clean-up: ${err.message}`));
    await verbs.deleteSnapshot(seat.cluster, START_SNAPSHOT).catch(() => undefined);
  };

  const results = await runPool(items, makeSeat, {
    limit: req.parallel,
    retries: 1,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    beforeRetry: async (item, err) => {
      say(item.seat, 'retrying', `failed: ${failure(err).message.split('\n')[0]}; cleaning up and retrying once`);
      await cleanUp(item);
    },
  });
  const errors: unknown[] = [];
  const outcomes: SeatOutcome[] = [];
  for (const r of results) {
    if (r.ok) {
      outcomes.push({ ...r.value, attempts: r.value.existing ? 0 : r.attempts });
      continue;
    }
    const { seat, host } = r.item;
    errors.push(r.error);
    say(seat, 'failed', `failed after ${r.attempts} attempt(s): ${failure(r.error).message.split('\n')[0]}`);
    await cleanUp(r.item);
    const seconds = (Date.now() - (started.get(seat.cluster) ?? Date.now())) / 1000;
    outcomes.push({
      attendee: seat.attendee,
      label: seat.label,
      cluster: seat.cluster,
      ...(host ? { dockerContext: host } : {}),
      ok: false,
      attempts: r.attempts,
      seconds,
      error: failure(r.error),
    });
  }
  const members = await Promise.all(outcomes.filter((o) => o.ok).map((o) => ctx.store.readRecord<unknown>(o.cluster, WORKSHOP_RECORD)));
  const index = await writeIndex(req.outDir, req.workshop, members.filter(isMember));
  return { outcomes, errors, index };
}
