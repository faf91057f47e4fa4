// findExecutable: a name is looked up on the PATH given (not the process's), a path is taken relative to the
// folder given; a file that is not executable, or a folder, is not a program.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../../src/runtime/find-executable.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';

let dir: string;
useTempDir(async (made) => {
  dir = made;
  await mkdir(join(dir, 'a'));
  await mkdir(join(dir, 'b'));
  await mkdir(join(dir, 'b', 'kind'));
  await writeFile(join(dir, 'a', 'k3d'), '');
  for (const file of [join(dir, 'b', 'k3d'), join(dir, 'a', 'kind')]) {
    await writeFile(file, '#!/bin/sh\n');
    await chmod(file, 0o755);
  }
});

describe('findExecutable', () => {
  it('the first executable file of that name on PATH, skipping non-executable files and folders', async () => {
    const path = [join(dir, 'b'), join(dir, 'a')].join(delimiter);
    expect(await findExecutable('k3d', path, '/')).toBe(join(dir, 'b', 'k3d'));
    expect(await findExecutable('kind', path, '/')).toBe(join(dir, 'a', 'kind'));
  });

  it('nothing on PATH, or no PATH: undefined', async () => {
    expect(await findExecutable('minikube', join(dir, 'a'), '/')).toBeUndefined();
    expect(await findExecutable('kind', undefined, dir)).toBeUndefined();
  });

  it('a path, absolute or relative to the working folder, is checked as it is', async () => {
    expect(await findExecutable(join(dir, 'a', 'kind'), '', '/')).toBe(join(dir, 'a', 'kind'));
    expect(await findExecutable('./a/kind', '', dir)).toBe(join(dir, 'a', 'kind'));
    expect(await findExecutable('./a/k3d', '', dir)).toBeUndefined();
  });
});
