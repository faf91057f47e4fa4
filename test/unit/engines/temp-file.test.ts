import { readdir, readFile, stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { withTempDir, writePrivateFile } from '../../../src/engines/temp-file.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

describe('withTempDir', () => {
  it('gives a fresh 0700 kindling-* directory and removes it afterwards', async () => {
    const parent = await tmp.make();
    let seen = '';
    const result = await withTempDir(parent, async (dir) => {
      seen = dir;
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      return 42;
    });
    expect(result).toBe(42);
    expect(seen.startsWith(`${parent}/kindling-`)).toBe(true);
    expect(await readdir(parent)).toEqual([]);
  });

  it('removes the directory, with its files, when fn throws', async () => {
    const parent = await tmp.make();
    await expect(
      withTempDir(parent, async (dir) => {
        await writePrivateFile(dir, 'f', 'x');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('writePrivateFile', () => {
  it('writes 0600 and returns the path', async () => {
    const dir = await tmp.make();
    const path = await writePrivateFile(dir, 'config.yaml', 'a: 1\n');
    expect(path).toBe(`${dir}/config.yaml`);
    expect(await readFile(path, 'utf8')).toBe('a: 1\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });
});
