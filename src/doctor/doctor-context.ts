// What every doctor check receives: the verb's Context (environment, state store, port probe, Docker), the host's
// facts, the presets, and what `kindling version` found about the engine binaries and Docker. Docker's answers
// are asked once and shared, so checks run side by side without asking twice.
import type { Context } from '../context.js';
import type { EngineName, Preset } from '../presets/schema.js';
import type { DockerClient } from '../runtime/docker-client.js';
import type { DockerInfo } from '../runtime/docker-info.js';
import type { HostFacts } from './host-facts.js';

/** One engine binary as `kindling version` reports it (api/version.ts's EngineBinaryReport). */
export interface EngineFinding {
  binary: string;
  path: string | null;
  version: string | null;
  tested: readonly string[];
  isTested: boolean | null;
  error: string | null;
  hint: string | null;
}

/** The Docker engine as `kindling version` reports it (api/version.ts's DockerReport). */
export interface DockerFinding {
  endpoint: string | null;
  source: string | null;
  version: string | null;
  apiVersion: string | null;
  platform: string | null;
  error: string | null;
}

/** The parts of `kindling version`'s report doctor reads. */
export interface VersionFindings {
  engines: Record<EngineName, EngineFinding>;
  docker: DockerFinding;
}

/** A check could not look because something it needs (Docker) is missing; another check reports that. */
export class NotCheckedError extends Error {}

/** Everything a check may use. */
export interface DoctorContext {
  ctx: Context;
  host: HostFacts;
  /** The presets there are (built-in and the user's), for their fixed ports and Kubernetes versions. */
  presets: readonly Preset[];
  versions(): Promise<VersionFindings>;
  /** The Docker client; rejects with NotCheckedError when Docker did not answer. */
  docker(): Promise<DockerClient>;
  /** GET /info, asked once. */
  info(): Promise<DockerInfo>;
}

/** Caches the first call's promise. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

/** Builds the context the checks share. */
export function doctorContext(parts: {
  ctx: Context;
  host: HostFacts;
  presets: readonly Preset[];
  versions: () => Promise<VersionFindings>;
}): DoctorContext {
  const docker = once(() =>
    parts.ctx.docker().catch(() => {
      throw new NotCheckedError('Docker is not reachable');
    }),
  );
  const info = once(async () => (await docker()).info());
  return { ...parts, versions: once(parts.versions), docker, info };
}
