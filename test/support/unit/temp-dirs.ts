// Private temporary directories for one test file, all removed afterwards.
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Makes temp directories under os.tmpdir() and removes every one of them on cleanup(). */
export function tempDirs(prefix = 'kindling-unit-'): { make(): Promise<string>; cleanup(): Promise<void> } {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

/**
 * The path `name` inside the one throwaway directory (`kindling-XXXXXX`) an engine created under `parent`.
 * Called from a recorded call's `args` getter, so the expected argv is computed at the moment of the call,
 * while the directory exists; throws unless exactly one such directory is there.
 */
export function inThrowawayDir(parent: string, name: string): string {
  const dirs = readdirSync(parent).filter((f) => /^kindling-[A-Za-z0-9]{6}$/.test(f));
  if (dirs.length !== 1) throw new Error(`expected one throwaway dir under ${parent}, found: ${dirs.join(', ') || 'none'}`);
  return join(parent, dirs[0]!, name);
}

/** Registers a fresh temp directory for every test of the file (removed after it) and hands it to `use`. */
export function useTempDir(use: (dir: string) => void | Promise<void>): void {
  const dirs = tempDirs();
  beforeEach(async () => {
    await use(await dirs.make());
  });
  afterEach(() => dirs.cleanup());
}
