// `kindling restore`: reads a state dump (see dump-files.ts) back into objects. Only the dump's own layout is
// read, `resources/*/namespaces/*/*.json` and `resources/*/cluster/*.json`; anything else under resources/
// (a Velero backup's `v1-preferredversion` copies, stray files) is ignored. The objects come from the files'
// contents, so the file names only locate them.
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { KubeObject } from '../kube-object.js';
import { orderObjects } from '../order/order-objects.js';

async function entries(dir: string): Promise<Dirent[]> {
  try {
    const list = await readdir(dir, { withFileTypes: true });
    return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  return (await entries(dir)).filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => join(dir, e.name));
}

async function dumpFiles(resources: string): Promise<string[]> {
  const files: string[] = [];
  for (const resource of (await entries(resources)).filter((e) => e.isDirectory())) {
    const base = join(resources, resource.name);
    files.push(...(await jsonFiles(join(base, 'cluster'))));
    for (const ns of (await entries(join(base, 'namespaces'))).filter((e) => e.isDirectory())) {
      files.push(...(await jsonFiles(join(base, 'namespaces', ns.name))));
    }
  }
  return files;
}

function isKubeObject(value: unknown): value is KubeObject {
  const o = value as Partial<KubeObject> | null;
  return (
    o !== null &&
    typeof o === 'object' &&
    !Array.isArray(o) &&
    typeof o.apiVersion === 'string' &&
    typeof o.kind === 'string' &&
    o.metadata !== null &&
    typeof o.metadata === 'object' &&
    !Array.isArray(o.metadata)
  );
}

async function readObject(file: string): Promise<KubeObject> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    throw new InvalidInputError(
      `${file}: not valid JSON: ${err.message}`,
      'restore reads the files promote --with-state wrote; fix or remove this one',
    );
  }
  if (!isKubeObject(value)) {
    throw new InvalidInputError(`${file}: not a Kubernetes object (it needs apiVersion, kind and metadata)`);
  }
  return value;
}

/**
 * The objects of the dump in `dir` (the folder holding `resources/`), in restore order. Throws NotFoundError
 * when `dir/resources` is missing and InvalidInputError naming the file that does not parse.
 */
export async function readDump(dir: string): Promise<KubeObject[]> {
  const resources = join(dir, 'resources');
  const found = await stat(resources).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    throw err;
  });
  if (found === undefined || !found.isDirectory()) {
    throw new NotFoundError(
      'state-dump',
      `no state dump in ${dir}: ${resources} is missing`,
      'point restore at the folder promote --with-state wrote (the one holding resources/)',
    );
  }
  const objects: KubeObject[] = [];
  for (const file of await dumpFiles(resources)) objects.push(await readObject(file));
  return orderObjects(objects);
}
