import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../../src/errors.js';
import { listManifestFiles } from '../../../../src/export/source/list-files.js';
import { readManifestSources } from '../../../../src/export/source/read-sources.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';
import { rejection } from '../../../support/unit/thrown.js';

let dir = '';
useTempDir((d) => {
  dir = d;
});

const configMap = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

async function put(files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
}

describe('listManifestFiles', () => {
  it('walks folders depth first in name order, keeping *.yaml, *.yml and *.json and leaving out hidden entries', async () => {
    await put({
      'b.yaml': '',
      'a/z.yml': '',
      'a/y.json': '',
      'a/notes.md': '',
      'c.txt': '',
      '.git/x.yaml': '',
      'a/.hidden.yaml': '',
      'B.yaml': '',
    });
    expect((await listManifestFiles([dir])).files).toEqual(['B.yaml', 'a/y.json', 'a/z.yml', 'b.yaml'].map((f) => join(dir, f)));
  });

  it('follows symlinked folders', async () => {
    await put({ 'real/a.yaml': '' });
    await symlink(join(dir, 'real'), join(dir, 'link'));
    expect((await listManifestFiles([join(dir, 'link')])).files).toEqual([join(dir, 'link', 'a.yaml')]);
  });

  it('a dangling link and a link back into a folder being read are reported, not followed', async () => {
    await put({ 'real/a.yaml': '' });
    await symlink(join(dir, 'nowhere.yaml'), join(dir, 'real', 'gone.yaml'));
    await symlink(join(dir, 'real'), join(dir, 'real', 'loop'));
    const listed = await listManifestFiles([join(dir, 'real')]);
    expect(listed.files).toEqual([join(dir, 'real', 'a.yaml')]);
    expect(listed.unread).toEqual([
      { file: join(dir, 'real', 'gone.yaml'), reason: 'a symbolic link to nothing: not read' },
      { file: join(dir, 'real', 'loop'), reason: 'a symbolic link back into a folder being read (a loop): not followed' },
    ]);
  });

  it('keeps the order of the paths given, reads a named file whatever its extension, and lists each file once', async () => {
    await put({ 'z.yaml': '', 'm/a.yaml': '', 'rendered.out': '' });
    const { files } = await listManifestFiles([
      join(dir, 'z.yaml'),
      join(dir, 'rendered.out'),
      join(dir, 'm'),
      join(dir, 'm', 'a.yaml'),
      dir,
    ]);
    expect(files).toEqual([join(dir, 'z.yaml'), join(dir, 'rendered.out'), join(dir, 'm', 'a.yaml')]);
  });

  it('a missing path -> NotFoundError (exit 3) naming it', async () => {
    const err = await rejection(listManifestFiles([join(dir, 'nope.yaml')]));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ code: 'manifest-not-found', exitCode: 3, message: `no such file or folder: ${join(dir, 'nope.yaml')}` });
  });
});

describe('readManifestSources', () => {
  it('reads every object of every file, in file order, each with its file and document', async () => {
    await put({
      'app/b.yaml': `${configMap('b1')}---\n${configMap('b2')}`,
      'app/a.json': JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a' } }),
    });
    const { objects, skipped } = await readManifestSources([join(dir, 'app')]);
    expect(objects.map((o) => [o.object.metadata.name, o.origin])).toEqual([
      ['a', { file: join(dir, 'app', 'a.json'), document: 0 }],
      ['b1', { file: join(dir, 'app', 'b.yaml'), document: 0 }],
      ['b2', { file: join(dir, 'app', 'b.yaml'), document: 1 }],
    ]);
    expect(skipped).toEqual([]);
  });

  it('skips kustomization files by name, without reading them, and kustomize documents in other files', async () => {
    await put({
      'base/kustomization.yaml': 'resources:\n  - cm.yaml\n',
      'base/cm.yaml': configMap('cm'),
      'overlay/kustomization.yml': 'this is: [not even valid',
      'overlay/component.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
    });
    const { objects, skipped } = await readManifestSources([dir]);
    expect(objects.map((o) => o.object.metadata.name)).toEqual(['cm']);
    expect(skipped).toEqual([
      {
        file: join(dir, 'base', 'kustomization.yaml'),
        reason: 'kustomize configuration file (build it with `kustomize build` to export its output)',
      },
      { file: join(dir, 'overlay', 'component.yaml'), document: 0, reason: 'kustomize Component, not a Kubernetes object' },
      {
        file: join(dir, 'overlay', 'kustomization.yml'),
        reason: 'kustomize configuration file (build it with `kustomize build` to export its output)',
      },
    ]);
  });

  it('one bad document anywhere -> InvalidInputError naming file and document, and nothing is returned', async () => {
    await put({ 'a.yaml': configMap('fine'), 'b.yaml': `${configMap('fine-too')}---\nkind: Secret\n` });
    const err = await rejection(readManifestSources([dir]));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.message).toBe(`${join(dir, 'b.yaml')}: document 1 (line 6): missing apiVersion`);
  });

  it('a missing path -> NotFoundError before anything is read', async () => {
    await put({ 'a.yaml': configMap('a') });
    expect(await rejection(readManifestSources([join(dir, 'a.yaml'), join(dir, 'gone')]))).toBeInstanceOf(NotFoundError);
  });
});
