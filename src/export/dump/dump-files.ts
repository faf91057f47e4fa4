// `--with-state`: the objects as a Velero-style backup tree (promotion.md 4.3), one JSON file per object at
// `resources/<resource>.<group>/namespaces/<namespace>/<name>.json`, or `.../cluster/<name>.json` for
// cluster-scoped ones (`resources/<resource>/...` for the core group). Velero writes the same layout inside its
// backup tarball, so the dump reads like one; readDump reads it back.
import { InvalidInputError } from '../../errors.js';
import { apiGroup, objectKey, type KubeObject } from '../kube-object.js';
import { orderKeys } from '../order/order-keys.js';
import { orderObjects } from '../order/order-objects.js';
import { resourceName } from '../order/resource-name.js';
import { encodeFileName } from './file-name.js';

/** One file of the dump: its path relative to the dump's folder (`/`-separated) and its text. */
export interface DumpFile {
  path: string;
  content: string;
  /** Set for Secrets: the caller writes them 0600. */
  secret?: true;
}

// Most file systems allow 255 bytes per name.
const MAX_FILE_NAME_BYTES = 255;

/**
 * Where an object goes in the dump. The scope comes from metadata.namespace, which live objects always carry
 * for namespaced kinds. Throws InvalidInputError for an object without a name or whose name is too long.
 */
export function dumpPath(o: KubeObject): string {
  const name = o.metadata.name;
  if (typeof name !== 'string' || name === '') {
    throw new InvalidInputError(`${objectKey(o)} has no metadata.name, so it has no place in the state dump`);
  }
  const file = `${encodeFileName(name)}.json`;
  if (Buffer.byteLength(file) > MAX_FILE_NAME_BYTES) {
    throw new InvalidInputError(`${objectKey(o)}: the file name ${file} is longer than ${MAX_FILE_NAME_BYTES} bytes`);
  }
  const resource = encodeFileName(resourceName(o.apiVersion, o.kind));
  const namespace = o.metadata.namespace;
  return namespace ? `resources/${resource}/namespaces/${encodeFileName(namespace)}/${file}` : `resources/${resource}/cluster/${file}`;
}

/** The object as its dump file's text: JSON, 2-space indent, keys in export order, newline-terminated. */
export function dumpContent(o: KubeObject): string {
  return `${JSON.stringify(orderKeys(o), null, 2)}\n`;
}

/** The dump's files, in restore order. Throws InvalidInputError when two objects would share a file. */
export function dumpFiles(objects: readonly KubeObject[]): DumpFile[] {
  const seen = new Map<string, KubeObject>();
  return orderObjects(objects).map((o) => {
    const path = dumpPath(o);
    const first = seen.get(path);
    if (first !== undefined) {
      throw new InvalidInputError(
        `${objectKey(first)} (${first.apiVersion}) and ${objectKey(o)} (${o.apiVersion}) would both be written to ${path}`,
        'export each object once, in one API version',
      );
    }
    seen.set(path, o);
    const secret = apiGroup(o.apiVersion) === '' && o.kind === 'Secret';
    return { path, content: dumpContent(o), ...(secret ? { secret: true as const } : {}) };
  });
}
