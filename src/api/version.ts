// `kindling version`: kindling's own version, Node's, each engine binary (where it is, what it says, whether that
// release is tested) and the Docker engine. Each part is found on its own: a missing binary or an unreachable
// Docker is reported in its field, never thrown.
import { tmpdir } from 'node:os';
import type { Engine } from '../engines/engine.js';
import { k3dEngine } from '../engines/k3d/engine.js';
import { kindEngine } from '../engines/kind/engine.js';
import { isTestedVersion, TESTED_ENGINE_VERSIONS } from '../engines/tested-versions.js';
import type { EngineName } from '../presets/schema.js';
import { dockerEngineVersion } from '../runtime/docker-version.js';
import { findExecutable } from '../runtime/find-executable.js';
import { createExecaRunner, type ProcessRunner } from '../runtime/process-runner.js';
import type { CommonOptions } from '../context.js';
import type { DockerClient } from '../runtime/docker-client.js';
import { createContext } from './create-context.js';
import { packageVersion } from './package-version.js';

/** One engine binary as found on this machine. Fields are null when unknown, so the shape never changes. */
export interface EngineBinaryReport {
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

/** The Docker engine kindling would use. */
export interface DockerReport {
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

/** Everything `kindling version` reports. */
export interface VersionReport {
  kindling: string;
  node: string;
  engines: Record<EngineName, EngineBinaryReport>;
  docker: DockerReport;
}

/** Options of versionReport: the usual ones, plus Node's version (tests). */
export interface VersionOptions extends CommonOptions {
  nodeVersion?: string;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const hintOf = (err: unknown) => {
  const hint = (err as { hint?: unknown }).hint;
  return typeof hint === 'string' ? hint : null;
};

/** Where the engines are looked for: the environment, the working folder and the runner. */
interface Machine {
  env: Record<string, string | undefined>;
  cwd: string;
  runner: ProcessRunner;
}

async function engineReport(name: EngineName, opts: VersionOptions, { env, cwd, runner }: Machine): Promise<EngineBinaryReport> {
  const binary = opts.binaries?.[name] ?? env[name === 'kind' ? 'KINDLING_KIND_BINARY' : 'KINDLING_K3D_BINARY'] ?? name;
  const path = (await findExecutable(binary, env.PATH, cwd)) ?? null;
  const tested = TESTED_ENGINE_VERSIONS[name];
  // The engine's own version() runs `<binary> version` and parses it, as preflight does before create.
  const common = { binary, runner, env, tmpDir: env.TMPDIR ?? tmpdir() };
  const engine: Engine = name === 'kind' ? kindEngine(common) : k3dEngine(common);
  try {
    const { version } = await engine.version();
    return { binary, path, version, tested, isTested: isTestedVersion(name, version), error: null, hint: null };
  } catch (err) {
    return { binary, path, version: null, tested, isTested: null, error: message(err), hint: hintOf(err) };
  }
}

async function dockerReport(opts: VersionOptions, env: Record<string, string | undefined>): Promise<DockerReport> {
  const none = { endpoint: null, source: null, version: null, apiVersion: null, platform: null };
  let client: DockerClient;
  try {
    // The context finds Docker as every verb does (it also locates the state store, which may fail without HOME).
    client = await createContext(opts).docker();
    await client.ping();
  } catch (err) {
    return { ...none, error: message(err) };
  }
  const found = { ...none, endpoint: client.endpoint, source: client.endpointInfo?.source ?? null };
  try {
    const v = await dockerEngineVersion(client, env);
    return {
      ...found,
      version: v.version || null,
      apiVersion: v.apiVersion || null,
      platform: v.os ? `${v.os}/${v.arch}` : null,
      error: null,
    };
  } catch (err) {
    return { ...found, error: `the engine did not say its version: ${message(err)}` };
  }
}

/** kindling's, Node's, kind's, k3d's and Docker's versions, each found independently; never throws for a missing piece. */
export async function versionReport(opts: VersionOptions = {}): Promise<VersionReport> {
  const env = opts.env ?? process.env;
  const docker = dockerReport(opts, env);
  const machine: Machine = { env, cwd: opts.cwd ?? process.cwd(), runner: opts.runner ?? (await createExecaRunner()) };
  // One engine after the other: a recorded runner serves its calls in order.
  const kind = await engineReport('kind', opts, machine);
  const k3d = await engineReport('k3d', opts, machine);
  return { kindling: packageVersion(), node: opts.nodeVersion ?? process.version, engines: { kind, k3d }, docker: await docker };
}
