import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/runtime/atomic-write.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

describe('writeFileAtomic', () => {
  it('writes the content with mode 0600 by default and leaves no temp file', async () => {
    const dir = await tmp.make();
    await writeFileAtomic(join(dir, 'status.json'), '{"a":1}\n');
    expect(await readFile(join(dir, 'status.json'), 'utf8')).toBe('{"a":1}\n');
    expect((await stat(join(dir, 'status.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['status.json']);
  });

  it('replaces an existing file', async () => {
    const dir = await tmp.make();
    await writeFile(join(dir, 'f'), 'old content that is longer');
    await writeFileAtomic(join(dir, 'f'), 'new');
    expect(await readFile(join(dir, 'f'), 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['f']);
  });

  it('takes another mode', async () => {
    const dir = await tmp.make();
    await writeFileAtomic(join(dir, 'f'), 'x', 0o640);
    expect((await stat(join(dir, 'f'))).mode & 0o777).toBe(0o640);
  });

  it('when the rename fails, the error surfaces and the temp file is removed', async () => {
    const dir = await tmp.make();
    await mkdir(join(dir, 'target'));
    await writeFile(join(dir, 'target', 'inside'), 'keeps the directory non-empty');
    await expect(writeFileAtomic(join(dir, 'target'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['target']);
  });
});
