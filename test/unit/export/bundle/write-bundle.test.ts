import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBundle } from '../../../../src/export/bundle/write-bundle.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const manifest = { path: 'bundle.json', content: '{"kind":"PromotionBundle"}\n' };

describe('writeBundle', () => {
  it('writes every file, secret ones 0600 and the folder 0700, and leaves no staging folder behind', async () => {
    const parent = await dirs.make();
    const out = join(parent, 'bundle');
    await writeBundle(out, [manifest, { path: 'base/a.yaml', content: 'a\n' }, { path: 'base/s.yaml', content: 's\n', secret: true }]);
    expect(await readFile(join(out, 'base', 'a.yaml'), 'utf8')).toBe('a\n');
    expect((await stat(join(out, 'base', 's.yaml'))).mode & 0o777).toBe(0o600);
    expect((await stat(out)).mode & 0o777).toBe(0o700);
    expect(await readdir(parent)).toEqual(['bundle']);
  });

  it('replaces an earlier bundle entirely (no stale files)', async () => {
    const out = join(await dirs.make(), 'bundle');
    await writeBundle(out, [manifest, { path: 'base/old.yaml', content: 'old\n' }]);
    await writeBundle(out, [manifest, { path: 'base/new.yaml', content: 'new\n' }]);
    expect(await readdir(join(out, 'base'))).toEqual(['new.yaml']);
  });

  it('refuses a folder that is not a bundle and changes nothing in it (exit 4)', async () => {
    const out = await dirs.make();
    await writeFile(join(out, 'notes.txt'), 'mine\n');
    await expect(writeBundle(out, [manifest])).rejects.toMatchObject({
      exitCode: 4,
      message: `${out} exists and is not a kindling bundle (it has no bundle.json from kindling promote)`,
    });
    expect(await readdir(out)).toEqual(['notes.txt']);
  });

  it('writes into an empty folder', async () => {
    const out = join(await dirs.make(), 'empty');
    await mkdir(out);
    await writeBundle(out, [manifest]);
    expect(await readdir(out)).toEqual(['bundle.json']);
  });

  it('a failure while staging (the extra step throws) keeps the earlier bundle and removes the staged files', async () => {
    const parent = await dirs.make();
    const out = join(parent, 'bundle');
    await writeBundle(out, [manifest, { path: 'base/old.yaml', content: 'old\n' }]);
    await expect(
      writeBundle(out, [manifest, { path: 'base/new.yaml', content: 'new\n' }], async () => {
        throw new Error('docker went away');
      }),
    ).rejects.toThrow('docker went away');
    expect(await readdir(join(out, 'base'))).toEqual(['old.yaml']);
    expect(await readdir(parent)).toEqual(['bundle']);
  });
});
