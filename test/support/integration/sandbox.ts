// One test's private world: its own HOME and state store, PATH with the built engines first, a unique
// cluster name, and the CLI run in-process with captured output.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CommonOptions } from '../../../src/context.js';
import { main } from '../../../src/cli/main.js';
import type { CliIO } from '../../../src/cli/io.js';
import { integrationEnv } from './env.js';

/** The outcome of one CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A sandbox for one test. */
export interface Sandbox {
  dir: string;
  state: string;
  env: Record<string, string | undefined>;
  /** Library options pointing at this sandbox. */
  options: CommonOptions;
  cli(...args: string[]): Promise<CliResult>;
  cleanup(): Promise<void>;
}

/** A cluster name unique to this run: `<prefix>-<6 hex>`. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/** Creates a sandbox; `extraEnv` overrides (e.g. DOCKER_HOST, PATH). */
export async function sandbox(extraEnv: Record<string, string | undefined> = {}): Promise<Sandbox> {
  const dir = await mkdtemp(join(tmpdir(), 'kindling-it-'));
  const state = join(dir, 'state');
  const { binDir } = integrationEnv();
  const env: Record<string, string | undefined> = {
    ...process.env,
    HOME: dir,
    KUBECONFIG: join(dir, 'kubeconfig'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    KINDLING_STATE: state,
    PATH: `${binDir}:${process.env.PATH ?? ''}`,
    ...extraEnv,
  };
  return {
    dir,
    state,
    env,
    options: { env, cwd: dir, state },
    async cli(...args) {
      let stdout = '';
      let stderr = '';
      const io: CliIO = {
        stdout: (t) => void (stdout += t),
        stderr: (t) => void (stderr += t),
        env,
        cwd: dir,
        stdinIsTTY: false,
        stderrIsTTY: false,
        confirm: async () => false,
        signal: undefined,
      };
      const code = await main(['node', 'kindling', ...args], io);
      return { code, stdout, stderr };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A host port that is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Holds a port open until closed (to test "port in use"). */
export async function occupyPort(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}

/** Deletes a cluster with the engine itself (kubeconfig and temp files kept inside the sandbox), for
 * cleaning up after a test that failed before kindling could. */
export async function forceDelete(sb: Sandbox, name: string, engine: 'kind' | 'k3d'): Promise<void> {
  const { execa } = await import('execa');
  const bin = join(integrationEnv().binDir, engine);
  const kc = join(sb.dir, 'force-delete-kubeconfig');
  const args = engine === 'kind' ? ['delete', 'cluster', '--name', name, '--kubeconfig', kc] : ['cluster', 'delete', name];
  await execa(bin, args, { env: { ...sb.env, KUBECONFIG: kc }, reject: false });
}
