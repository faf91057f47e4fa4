import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirs } from '../../../src/runtime/make-dirs.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';

describe('makeDirs', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
  });

  it('makes every missing level with the mode, and is a no-op the second time', async () => {
    const deep = join(dir, 'a', 'b', 'c');
    await makeDirs(deep, 0o700);
    await makeDirs(deep, 0o700);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o700);
  });

  it('fails with ENOTDIR where a level is a file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(makeDirs(join(dir, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // Node's own recursive mkdir never returns here (it retries ENOENT forever).
  it.skipIf(!existsSync('/proc/self'))('returns the error where the kernel refuses a folder (/proc)', async () => {
    await expect(makeDirs('/proc/kindling-nope/sub')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
