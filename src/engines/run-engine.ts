// Runs an engine binary and turns its failures into kindling's errors: missing binary -> EnvironmentError,
// non-zero exit -> whatever the engine's classifier says, else EngineFailedError with the engine's text.
import { EngineFailedError, EnvironmentError, type KindlingError } from '../errors.js';
import type { ProcessResult, ProcessRunner, RunOptions } from '../runtime/process-runner.js';
import type { EngineName } from '../presets/schema.js';

/** How to install each engine, for the "not found" message. */
export const INSTALL_HINTS: Record<EngineName, string> = {
  kind: 'install kind v0.33.0 or v0.32.0 (`go install sigs.k8s.io/kind@v0.33.0`, or a release binary: https://kind.sigs.k8s.io/docs/user/quick-start/#installation), put it on PATH or set KINDLING_KIND_BINARY',
  k3d: 'install k3d v5.9.0 (https://k3d.io/stable/#installation, release v5.9.0), put it on PATH or set KINDLING_K3D_BINARY',
};

/** The host address:port (and the port alone) and the engine's own line, when its output says a host port was taken. */
export function takenPort(text: string): { where: string; port: number; line: string } | undefined {
  const m =
    /listen (?:tcp4?|udp4?) ([\d.]+:\d+): bind: address already in use|Bind for ([\d.]+:\d+) failed: port is already allocated/.exec(text);
  if (!m) return undefined;
  const line =
    text
      .split('\n')
      .find((l) => l.includes(m[0]))
      ?.trim() ?? m[0];
  const where = (m[1] ?? m[2])!;
  return { where, port: Number(where.slice(where.lastIndexOf(':') + 1)), line };
}

/** Maps a failed run to a more specific error, or undefined for the generic EngineFailedError. */
export type FailureClassifier = (result: ProcessResult, action: string) => KindlingError | undefined;

/** One engine binary with its environment and failure classifier. */
export interface EngineBinary {
  engine: EngineName;
  binary: string;
  runner: ProcessRunner;
  env: Record<string, string | undefined>;
  classify: FailureClassifier;
}

/** Runs `binary args`; returns stdout on success, throws a typed error otherwise. */
export async function runEngine(bin: EngineBinary, action: string, args: readonly string[], opts: RunOptions = {}): Promise<string> {
  const result = await bin.runner.run(bin.binary, args, { env: bin.env, ...opts });
  if (result.notFound) {
    throw new EnvironmentError('engine-missing', `${bin.engine} not found (looked for "${bin.binary}")`, INSTALL_HINTS[bin.engine], {
      command: result.command,
    });
  }
  if (result.exitCode === 0 && !result.timedOut) return result.stdout;
  const details = { command: result.command, exitCode: result.exitCode, stderr: result.stderr, stdout: result.stdout };
  if (result.timedOut) {
    throw new EngineFailedError(
      bin.engine,
      `${action} within the time limit (killed)`,
      details,
      'raise --timeout, or look at `docker logs` of the node containers',
    );
  }
  throw bin.classify(result, action) ?? new EngineFailedError(bin.engine, action, details);
}
