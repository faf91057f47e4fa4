// Starts the reaper (reaper.ts) once per process and state store: a detached Node process that outlives a test
// worker killed outright and cleans up after it. Run with an argument array; it inherits the environment the
// library was given (engine binaries, Docker and S3 settings) and nothing else.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../logger.js';

/** Where the library runs from and how to reach Docker and the store, as the reaper needs them. */
export interface ReaperTarget {
  state: string;
  s3Endpoint?: string;
  dockerContext?: string;
  binaries?: { kind?: string; k3d?: string };
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Starts a detached process and lets it go (child_process.spawn in production). */
export type DetachedSpawn = (file: string, args: string[], opts: { env: Record<string, string>; cwd: string }) => void;

const realSpawn: DetachedSpawn = (file, args, opts) => {
  spawn(file, args, { ...opts, detached: true, stdio: 'ignore' }).unref();
};

/** The compiled reaper: next to this module in dist/, or dist/'s copy when the library runs from its TypeScript sources. */
export function reaperScript(here = import.meta.url, exists: (p: string) => boolean = existsSync): string | undefined {
  const own = fileURLToPath(new URL('./reaper.js', here));
  if (exists(own)) return own;
  const built = own.replace(/([\\/])src([\\/])api([\\/])harness([\\/])reaper\.js$/, '$1dist$2api$3harness$4reaper.js');
  return built !== own && exists(built) ? built : undefined;
}

/** The reaper's arguments for `target`, watching `parent`. */
export function reaperArgs(script: string, parent: number, target: ReaperTarget): string[] {
  return [
    script,
    '--parent',
    String(parent),
    '--state',
    target.state,
    ...(target.s3Endpoint ? ['--s3-endpoint', target.s3Endpoint] : []),
    ...(target.dockerContext ? ['--docker-context', target.dockerContext] : []),
    ...(target.binaries?.kind ? ['--kind', target.binaries.kind] : []),
    ...(target.binaries?.k3d ? ['--k3d', target.binaries.k3d] : []),
  ];
}

// Kept on globalThis: a test runner that loads the library afresh for every test file still starts one per process.
const REAPERS = Symbol.for('kindling.reapers');
const started: Set<string> = ((globalThis as Record<symbol, unknown>)[REAPERS] as Set<string> | undefined) ?? new Set<string>();
(globalThis as Record<symbol, unknown>)[REAPERS] = started;

/** Starts the reaper for this process and `target`'s store unless one runs already; false when none could be found. */
export function ensureReaper(target: ReaperTarget, logger: Logger, run: DetachedSpawn = realSpawn, script = reaperScript()): boolean {
  const key = JSON.stringify([target.state, target.s3Endpoint, target.dockerContext]);
  if (started.has(key)) return true;
  if (script === undefined) {
    logger.warn('the reaper is not built (run `npm run build`): clusters of a killed test process are not cleaned up');
    return false;
  }
  const env = Object.fromEntries(Object.entries(target.env).filter((e): e is [string, string] => e[1] !== undefined));
  run(process.execPath, reaperArgs(script, process.pid, target), { env, cwd: target.cwd });
  started.add(key);
  logger.debug(`reaper started for pid ${process.pid} (store ${target.state})`);
  return true;
}
