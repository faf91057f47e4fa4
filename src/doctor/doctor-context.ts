// What every doctor check receives: the verb's Context (environment, state store, port probe, Docker), the host's
// facts, the presets, and what `kindling version` found about the engine binaries and Docker. Docker's answers
// are asked once and shared, so checks run side by side without asking twice.
import type { Context } from '../context.js';
import type { EngineName, Preset } from '../presets/schema.js';
import type { DockerClient } from '../runtime/docker-client.js';
import type { DockerInfo } from '../runtime/docker-info.js';
import type { HostFacts } from './host-facts.js';

/** One engine binary as found on this machine (`kindling version`'s EngineBinaryReport). Fields are null when unknown, so the shape never changes. */
export interface EngineFinding {
  /** What kindling runs: the --binaries option, else KINDLING_KIND_BINARY / KINDLING_K3D_BINARY, else the name. */
  binary: string;
  /** Where it is (PATH lookup), or null when there is no such executable. */
  path: string | null;
  /** What `<binary> version` reported, e.g. v0.33.0. */
  version: string | null;
  /** The releases kindling is tested against, newest first. */
  tested: readonly string[];
  /** Whether `version` is one of them (null when the version is unknown). */
  isTested: boolean | null;
  /** Why the binary could not be used. */
  error: string | null;
  /** What to do about it (install it, point KINDLING_*_BINARY at it). */
  hint: string | null;
}

/** The Docker engine kindling would use (`kindling version`'s DockerReport). */
export interface DockerFinding {
  /** Where it listens (unix:///var/run/docker.sock, tcp://...), null when none answered. */
  endpoint: string | null;
  /** How that endpoint was found (DOCKER_HOST, a context, a known socket), when known. */
  source: string | null;
  version: string | null;
  apiVersion: string | null;
  /** e.g. linux/amd64 */
  platform: string | null;
  /** Why Docker could not be reached or asked. */
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
