// Workshops: many clusters of one preset (or snapshot), one per attendee, each with the same starting state, on
// one Docker host or spread over several. `workshopUp` checks the machine first (doctor's capacity estimate and
// inotify limits), then makes the clusters with the library's own verbs (src/apply/workshop/); `workshopStatus`,
// `workshopReset` and `workshopDown` find them through the store's `workshop` records.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { readManifest } from '../apply/snapshot/read-snapshot.js';
import { measureHostRoom } from '../apply/workshop/host-room.js';
import { findMember, workshopMembers } from '../apply/workshop/members.js';
import { applyWorkshopDown, type WorkshopDownResult } from '../apply/workshop/run-workshop-down.js';
import { applyWorkshopReset, type ResetOutcome } from '../apply/workshop/run-workshop-reset.js';
import { applyWorkshopStatus, type MemberRow } from '../apply/workshop/run-workshop-status.js';
import { applyWorkshopUp, type SeatOutcome } from '../apply/workshop/run-workshop-up.js';
import type { WorkshopProgress } from '../apply/workshop/verbs.js';
import type { CommonOptions, Context } from '../context.js';
import { estimateCapacity } from '../doctor/capacity.js';
import { INOTIFY_RECOMMENDED } from '../doctor/checks/inotify.js';
import { procHostFacts, type HostFacts } from '../doctor/host-facts.js';
import { EnvironmentError, NotFoundError } from '../errors.js';
import { parseSnapshotRef } from '../model/snapshot.js';
import { resolveClusterSpec } from '../plan/resolve-spec.js';
import { DEFAULT_PRESET, isPresetPath, loadPreset } from '../presets/load.js';
import type { EngineName, Preset } from '../presets/schema.js';
import { recordedFootprints } from '../status/footprint.js';
import { capacityVerdict, freeAcross, type CapacityVerdict, type HostRoom } from '../workshop/capacity.js';
import { chooseParallel } from '../workshop/concurrency.js';
import { workshopDefinition, workshopSeats, type WorkshopFlags } from '../workshop/definition.js';
import { WorkshopIncompleteError } from '../workshop/incomplete.js';
import { parseWorkshopFile } from '../workshop/parse-file.js';
import type { WorkshopFile } from '../workshop/schema.js';
import { spreadOver } from '../workshop/spread.js';
import { createContext } from './create-context.js';
import { workshopVerbs } from './workshop-verbs.js';

export type { WorkshopProgress } from '../apply/workshop/verbs.js';
export type { MemberRow } from '../apply/workshop/run-workshop-status.js';
export type { ResetOutcome } from '../apply/workshop/run-workshop-reset.js';
export type { InPlaceChanges } from '../apply/workshop/reset-in-place.js';
export type { WorkshopDownResult } from '../apply/workshop/run-workshop-down.js';
export type { SeatOutcome } from '../apply/workshop/run-workshop-up.js';
export type { WorkshopFile } from '../workshop/schema.js';

/** Options every workshop verb takes. */
export interface WorkshopCommonOptions extends CommonOptions {
  /** Progress, one line per step of each cluster (the CLI prints them). */
  onProgress?: (p: WorkshopProgress) => void;
  /** The readiness wait of each cluster (default 5 minutes) and the engine's time limit (default 5 minutes). */
  waitMs?: number;
  timeoutMs?: number;
}

/** Options of `workshopUp`: a workshop file, flags on top of it (or flags alone), and how to run. */
export interface WorkshopUpOptions extends WorkshopCommonOptions, WorkshopFlags {
  /** The workshop file (YAML, kind: Workshop); relative paths in it are the file's folder's. */
  file?: string;
  /** Clusters made at once (default: from cores and memory). */
  parallel?: number;
  /** Where the attendees' kubeconfigs go (default ./workshop-<name>). */
  out?: string;
  /** Make the clusters even when the capacity estimate says they do not fit. */
  force?: boolean;
  /** The host's facts (memory, inotify); tests hand in fixtures. */
  hostFacts?: HostFacts;
  /** This machine's cores (default: os.availableParallelism()). */
  cores?: number;
}

/** What `workshopUp` did. */
export interface WorkshopUpResult {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'WorkshopUpResult';
  workshop: string;
  outDir: string;
  index: string;
  parallel: number;
  capacity: CapacityVerdict & { footprintBytes: number; basis: 'measured' | 'default'; hosts: HostRoom[] };
  warnings: string[];
  clusters: SeatOutcome[];
  seconds: number;
}

/** The workshop the options describe (file and flags), with the folder its relative paths are in. */
export async function workshopDefinitionOf(opts: WorkshopUpOptions, cwd: string): Promise<{ def: WorkshopFile; base: string }> {
  if (opts.file === undefined) return { def: workshopDefinition(undefined, opts), base: cwd };
  const path = resolve(cwd, opts.file);
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw new NotFoundError('workshop-file', `no workshop file ${path}`, 'check the path');
    throw err;
  });
  return { def: workshopDefinition(parseWorkshopFile(text, opts.file), opts), base: dirname(path) };
}

/** The engine and preset name the clusters will have, for the footprint. */
async function engineOf(
  ctx: Context,
  def: WorkshopFile,
  base: string,
): Promise<{ preset: Pick<Preset, 'name' | 'engine'>; full?: Preset }> {
  if (def.fromSnapshot) {
    const ref = parseSnapshotRef(def.fromSnapshot);
    const spec = (await readManifest(ctx, ref.cluster, ref.snapshot)).spec;
    return { preset: { name: spec.preset, engine: spec.engine as EngineName } };
  }
  const { preset } = await loadPreset(presetRef(def, base) ?? DEFAULT_PRESET, { cwd: base, env: ctx.env, set: def.set });
  return { preset, full: preset };
}

function presetRef(def: WorkshopFile, base: string): string | undefined {
  return def.preset !== undefined && isPresetPath(def.preset) ? resolve(base, def.preset) : def.preset;
}

/** Every image to preload is in every Docker engine the workshop uses, before any cluster is made. */
async function checkLocalImages(opts: WorkshopUpOptions, contexts: readonly string[], images: readonly string[]): Promise<void> {
  for (const context of images.length > 0 ? contexts : []) {
    const docker = await createContext({ ...opts, ...(context ? { dockerContext: context } : {}) }).docker();
    const missing = [];
    for (const image of images) if (!(await docker.imageExists(image))) missing.push(image);
    if (missing.length > 0) {
      throw new NotFoundError(
        'image',
        `image(s) to preload not in Docker${context ? ` (context ${context})` : ''}: ${missing.join(', ')}`,
        `build or pull them there first (docker${context ? ` --context ${context}` : ''} pull ${missing[0]})`,
      );
    }
  }
}

/** Each host's free memory: measured through Docker when there are several, doctor's figure for one. */
async function hostRooms(opts: WorkshopUpOptions, contexts: readonly string[], localAvailable: number): Promise<HostRoom[]> {
  if (contexts.length === 1) return [{ context: contexts[0]!, freeBytes: localAvailable, local: true }];
  return Promise.all(contexts.map((c) => measureHostRoom(createContext({ ...opts, dockerContext: c }), c, localAvailable)));
}

/** Makes the workshop's clusters; throws WorkshopIncompleteError (with the result) when some failed after a retry. */
export async function workshopUp(opts: WorkshopUpOptions): Promise<WorkshopUpResult> {
  const t0 = Date.now();
  const ctx = createContext(opts);
  const { def, base } = await workshopDefinitionOf(opts, ctx.cwd);
  const seats = workshopSeats(def);
  const { preset, full } = await engineOf(ctx, def, base);
  // Images to preload are pushed to the preset's local registry: what the plan refuses there, it refuses now.
  if (full && def.images.length > 0 && seats[0]) resolveClusterSpec(full, { name: seats[0].cluster, preload: def.images });
  await checkLocalImages(opts, def.dockerContexts ?? [opts.dockerContext ?? ''], def.images);
  const host = opts.hostFacts ?? procHostFacts();
  const [memory, inotify, footprints] = await Promise.all([host.memory(), host.inotify(), recordedFootprints(ctx)]);
  const [estimate] = estimateCapacity([full ?? (preset as Preset)], [...footprints.values()], memory.available);
  const contexts = def.dockerContexts ?? [opts.dockerContext ?? ''];
  const rooms = await hostRooms(opts, contexts, memory.available);
  const toMake = (await Promise.all(seats.map((s) => ctx.store.has(s.cluster)))).filter((has) => !has).length;
  const verdict = capacityVerdict(toMake, estimate!.footprintBytes, freeAcross(rooms, memory.available));
  const warnings: string[] = [];
  if (!verdict.fits) {
    if (!opts.force)
      throw new EnvironmentError(
        'workshop-capacity',
        `workshop "${def.name}" does not fit: ${verdict.message}`,
        `free memory, make fewer clusters, spread them over more Docker hosts (--docker-contexts a,b), or --force to make them anyway (cluster footprint ${estimate!.basis}: ${(estimate!.footprintBytes / 2 ** 30).toFixed(1)} GiB)`,
      );
    warnings.push(`--force: ${verdict.message}`);
  }
  if (
    inotify &&
    (inotify.maxUserInstances < INOTIFY_RECOMMENDED.maxUserInstances || inotify.maxUserWatches < INOTIFY_RECOMMENDED.maxUserWatches)
  ) {
    warnings.push(
      `inotify limits are low for ${seats.length} clusters (max_user_watches ${inotify.maxUserWatches}, max_user_instances ${inotify.maxUserInstances}; kind recommends ${INOTIFY_RECOMMENDED.maxUserWatches}/${INOTIFY_RECOMMENDED.maxUserInstances}): pods may fail with "too many open files"; see \`kindling doctor\``,
    );
  }
  for (const w of warnings) ctx.logger.warn(w);
  const parallel = chooseParallel({
    count: Math.max(1, toMake),
    cores: opts.cores ?? availableParallelism(),
    freeBytes: verdict.freeBytes,
    footprintBytes: estimate!.footprintBytes,
    ...(opts.parallel !== undefined ? { requested: opts.parallel } : {}),
  });
  const spread = spreadOver(seats.length, rooms, estimate!.footprintBytes);
  const outDir = resolve(ctx.cwd, opts.out ?? `workshop-${def.name}`);
  const verbs = await workshopVerbs(opts, { def, presetRef: presetRef(def, base), base, pickApiPorts: contexts.length > 1 });
  ctx.logger.info(`workshop ${def.name}: ${seats.length} cluster(s), ${parallel} at a time; ${verdict.message}`);
  const { outcomes, errors, index } = await applyWorkshopUp(ctx, verbs, {
    workshop: def.name,
    seats,
    hosts: spread.map((c) => c || undefined),
    parallel,
    outDir,
    hasManifests: verbs.manifestCount > 0,
    images: def.images,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const result: WorkshopUpResult = {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'WorkshopUpResult',
    workshop: def.name,
    outDir,
    index,
    parallel,
    capacity: { ...verdict, footprintBytes: estimate!.footprintBytes, basis: estimate!.basis, hosts: rooms },
    warnings,
    clusters: outcomes,
    seconds: (Date.now() - t0) / 1000,
  };
  const failed = outcomes.filter((o) => !o.ok);
  if (failed.length > 0) {
    throw new WorkshopIncompleteError(
      def.name,
      failed.map((f) => ({ cluster: f.cluster, message: f.error?.message ?? '' })),
      outcomes.length,
      errors[0],
      result,
    );
  }
  return result;
}

/** Options of the verbs that act on a made workshop. */
export interface WorkshopOptions extends WorkshopCommonOptions {
  /** The workshop (default: the only one in the store). */
  workshop?: string;
}

/** `workshop status`: every member now. */
export async function workshopStatus(opts: WorkshopOptions = {}): Promise<{ workshop: string; members: MemberRow[] }> {
  const ctx = createContext(opts);
  const { workshop, members } = await workshopMembers(ctx, opts.workshop);
  return { workshop, members: await applyWorkshopStatus(ctx, await workshopVerbs(opts), members) };
}

/** `workshop reset`: one attendee (name, label or cluster) back to the starting snapshot; in place unless `recreate`. */
export async function workshopReset(opts: WorkshopOptions & { attendee: string; recreate?: boolean }): Promise<ResetOutcome> {
  const ctx = createContext(opts);
  const { workshop, members } = await workshopMembers(ctx, opts.workshop);
  return applyWorkshopReset(ctx, await workshopVerbs(opts), findMember(workshop, members, opts.attendee), {
    ...(opts.recreate ? { recreate: true } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}

/** `workshop down`: every member's cluster and starting snapshot, and the attendees' files. */
export async function workshopDown(opts: WorkshopOptions & { parallel?: number } = {}): Promise<WorkshopDownResult> {
  const ctx = createContext(opts);
  const { workshop, members } = await workshopMembers(ctx, opts.workshop);
  return applyWorkshopDown(ctx, await workshopVerbs(opts), workshop, members, {
    parallel: opts.parallel ?? 4,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}
