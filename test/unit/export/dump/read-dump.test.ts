import fc from 'fast-check';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '../../../../src/errors.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { orderKeys } from '../../../../src/export/order/order-keys.js';
import { dumpFiles } from '../../../../src/export/dump/dump-files.js';
import { readDump } from '../../../../src/export/dump/read-dump.js';
import { rejection } from '../../../support/unit/thrown.js';
import { tempDirs, useTempDir } from '../../../support/unit/temp-dirs.js';

let dir = '';
useTempDir((d) => {
  dir = d;
});

async function write(root: string, files: ReadonlyArray<{ path: string; content: string }>): Promise<void> {
  for (const f of files) {
    await mkdir(dirname(join(root, f.path)), { recursive: true });
    await writeFile(join(root, f.path), f.content);
  }
}

const OBJECTS: KubeObject[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: { replicas: 2 },
  },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'system:shop:reader' }, rules: [] },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'team/a:Edit', namespace: 'shop' }, subjects: [] },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
  // A key named __proto__ stays a key.
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings', namespace: 'shop' },
    data: JSON.parse('{"a.json": "{\\"x\\": 1}", "__proto__": "kept"}'),
  },
  { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'other' }, spec: { size: 1.5, on: true, none: null } },
];

describe('readDump', () => {
  it('reads back what dumpFiles wrote: the same objects, in the same (restore) order', async () => {
    const files = dumpFiles(OBJECTS);
    await write(dir, files);
    const objects = await readDump(dir);
    expect(objects).toEqual(files.map((f) => JSON.parse(f.content) as KubeObject));
    expect(objects.map((o) => `${JSON.stringify(orderKeys(o), null, 2)}\n`)).toEqual(files.map((f) => f.content));
    expect(objects.map((o) => o.metadata.name)).toEqual(['shop', 'system:shop:reader', 'team/a:Edit', 'settings', 'web', 'web', 'w']);
    expect(Object.keys(objects[3]!.data as object)).toEqual(['__proto__', 'a.json']);
  });

  it('round-trips any set of objects, whatever their names and input order', async () => {
    const dirs = tempDirs();
    const name = fc.string({ unit: fc.constantFrom('a', 'B', ':', '/', '%', '.', 'é', '-'), minLength: 1, maxLength: 12 });
    const object = fc.record({
      kind: fc.constantFrom('ConfigMap', 'ClusterRole', 'Namespace', 'Widget'),
      name,
      namespace: fc.option(fc.constantFrom('shop', 'db'), { nil: undefined }),
      value: fc.jsonValue(),
    });
    try {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(object, { selector: (x) => `${x.kind}/${x.namespace}/${x.name}`, maxLength: 8 }), async (specs) => {
          const objects: KubeObject[] = specs.map((s) => ({
            apiVersion: s.kind === 'ClusterRole' ? 'rbac.authorization.k8s.io/v1' : s.kind === 'Widget' ? 'example.com/v1' : 'v1',
            kind: s.kind,
            metadata: { name: s.name, ...(s.namespace === undefined ? {} : { namespace: s.namespace }) },
            value: s.value,
          }));
          const root = await dirs.make();
          const files = dumpFiles(objects);
          await write(root, files);
          await mkdir(join(root, 'resources'), { recursive: true });
          expect(await readDump(root)).toEqual(files.map((f) => JSON.parse(f.content) as KubeObject));
        }),
        { numRuns: 40 },
      );
    } finally {
      await dirs.cleanup();
    }
  });

  it("reads only the dump's own layout: a Velero backup's v1-preferredversion copies and stray files are left alone", async () => {
    await write(dir, dumpFiles([OBJECTS[0]!]));
    await write(dir, [
      { path: 'resources/deployments.apps/v1-preferredversion/namespaces/shop/web.json', content: '{' },
      { path: 'resources/deployments.apps/namespaces/shop/notes.txt', content: 'not json' },
      { path: 'resources/README.json', content: '{' },
      { path: 'metadata/version', content: '1' },
    ]);
    expect((await readDump(dir)).map((o) => o.metadata.name)).toEqual(['web']);
  });

  it('an empty resources/ is an empty dump', async () => {
    await mkdir(join(dir, 'resources'));
    expect(await readDump(dir)).toEqual([]);
  });

  it('throws NotFoundError when resources/ is missing', async () => {
    const err = await rejection(readDump(dir));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe(`no state dump in ${dir}: ${join(dir, 'resources')} is missing`);
    await writeFile(join(dir, 'resources'), 'a file');
    expect(await rejection(readDump(dir))).toBeInstanceOf(NotFoundError);
  });

  it('throws InvalidInputError naming a file that is not JSON, or not an object', async () => {
    const broken = 'resources/configmaps/namespaces/shop/broken.json';
    await write(dir, [{ path: broken, content: '{"apiVersion": "v1",' }]);
    const err = await rejection(readDump(dir));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.message.startsWith(`${join(dir, broken)}: not valid JSON: `)).toBe(true);

    await write(dir, [{ path: broken, content: '["a list"]' }]);
    const shape = await rejection(readDump(dir));
    expect(shape).toBeInstanceOf(InvalidInputError);
    expect(shape.message).toBe(`${join(dir, broken)}: not a Kubernetes object (it needs apiVersion, kind and metadata)`);
  });
});
