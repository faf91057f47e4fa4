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
import type { DockerFinding, EngineFinding } from '../doctor/doctor-context.js';
import type { DockerClient } from '../runtime/docker-client.js';
import { createContext } from './create-context.js';
import { packageVersion } from './package-version.js';

/** One engine binary as found on this machine (the type doctor's checks read too). */
export type EngineBinaryReport = EngineFinding;

/** The Docker engine kindling would use. */
export type DockerReport = DockerFinding;

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
