import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/errors.js';
import { openTarGz } from '../../../src/logs/tar-gz.js';
import { tarGzEntries } from '../../support/unit/tar-gz-entries.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';

let dir: string;
useTempDir((d) => {
  dir = d;
});

const mtime = new Date('2026-03-01T10:00:00Z');

describe('openTarGz', () => {
  it('writes the entries gzipped, each 0600, into a 0600 file, and leaves no temp file', async () => {
    const path = join(dir, 'out.tar.gz');
    const w = openTarGz(path, { replace: false, mtime });
    await w.add('top/a.txt', 'hello\n');
    await w.add('top/sub/b.log', Buffer.from('x'.repeat(100_000)));
    const { bytes } = await w.finish();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(bytes).toBe((await stat(path)).size);
    expect(bytes).toBeLessThan(2_000);
    const entries = await tarGzEntries(path);
    expect(entries.map((e) => [e.name, e.mode])).toEqual([
      ['top/a.txt', 0o600],
      ['top/sub/b.log', 0o600],
    ]);
    expect(entries[0]!.text).toBe('hello\n');
    expect(entries[1]!.text).toHaveLength(100_000);
    expect(await readdir(dir)).toEqual(['out.tar.gz']);
  });

  it('never replaces an existing file unless told to: ConflictError, the file as it was, no temp file', async () => {
    const path = join(dir, 'taken.tar.gz');
    await writeFile(path, 'mine');
    const w = openTarGz(path, { replace: false, mtime });
    await w.add('a', 'a');
    const err = await w.finish().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ exitCode: 4, message: `${path} already exists` });
    expect(await readFile(path, 'utf8')).toBe('mine');
    expect(await readdir(dir)).toEqual(['taken.tar.gz']);
  });

  it('replaces it with replace: true', async () => {
    const path = join(dir, 'taken.tar.gz');
    await writeFile(path, 'mine', { mode: 0o644 });
    const w = openTarGz(path, { replace: true, mtime });
    await w.add('a', 'new');
    await w.finish();
    expect((await tarGzEntries(path)).map((e) => e.text)).toEqual(['new']);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('discard leaves nothing behind', async () => {
    const w = openTarGz(join(dir, 'gone.tar.gz'), { replace: false, mtime });
    await w.add('a', 'a');
    await w.discard();
    expect(await readdir(dir)).toEqual([]);
  });
});
