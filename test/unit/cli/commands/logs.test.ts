// `kindling logs`: the flags become the library's options, and its refusals their exit codes (the archive
// itself is tested in test/unit/api/logs.test.ts and test/integration/logs.test.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localStateStore } from '../../../../src/state/local-store.js';
import { runCli } from '../../../support/unit/cli.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

async function machine(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await tmp.make();
  const state = join(dir, 'state');
  const store = localStateStore(state, {
    now: () => new Date(),
    pid: process.pid,
    hostname: hostname(),
    owner: 'me',
    isAlive: () => true,
    lockTtlMs: 60_000,
  });
  await store.writeSpec('dev', { generation: 1, spec: { name: 'dev', engine: 'kind' } as never });
  return { dir, env: { HOME: dir, KINDLING_STATE: state, TMPDIR: dir } };
}

describe('kindling logs', () => {
  it('an unknown cluster exits 3', async () => {
    const { dir, env } = await machine();
    const r = await runCli(['logs', 'ghost'], { env, cwd: dir });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no cluster named "ghost"');
  });

  it('an existing --out file exits 4 and is left as it was (relative to the working folder)', async () => {
    const { dir, env } = await machine();
    await writeFile(join(dir, 'taken.tar.gz'), 'mine');
    const r = await runCli(['logs', 'dev', '--out', 'taken.tar.gz'], { env, cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`${join(dir, 'taken.tar.gz')} already exists`);
    expect(r.stderr).toContain('--force');
    expect(await readFile(join(dir, 'taken.tar.gz'), 'utf8')).toBe('mine');
  });

  it('--help names the flags', async () => {
    const r = await runCli(['logs', '--help']);
    expect(r.stdout).toContain('--out <file>');
    expect(r.stdout).toContain('--force');
  });
});
