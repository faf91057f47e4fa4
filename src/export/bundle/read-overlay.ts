// Reads overlays/<target>/ back into a TargetOverlay, so that `restore --target` applies exactly what
// `kubectl apply -k overlays/<target>` would, in restore order, without needing kustomize. Reads only the
// shapes promote writes (JSON6902 patches with a target, `$patch: delete` files, extra resources).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { KubeObject } from '../kube-object.js';
import type { JsonPatchOp } from '../rewrite/json-patch.js';
import type { TargetOverlay } from '../rewrite/overlay.js';
import { patchTargetOf, type PatchTarget } from '../rewrite/patch-target.js';
import type { TargetName } from '../targets/index.js';
import { PARSE_OPTIONS } from '../source/yaml-dialect.js';

interface Kustomization {
  resources?: string[];
  patches?: Array<{ path?: string; target?: Record<string, string> }>;
}

async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new NotFoundError('bundle file', `${file} does not exist`, 'is this a bundle written by kindling promote?');
    throw err;
  }
  try {
    return parse(text, PARSE_OPTIONS);
  } catch (err) {
    throw new InvalidInputError(
      `${file}: ${(err as Error).message.split('\n')[0]}`,
      'the bundle was edited into invalid YAML: fix it or promote again',
    );
  }
}

// kustomize reads target names as anchored regular expressions; promote escapes them.
function unescapeTargetName(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

function targetOf(selector: Record<string, string>): PatchTarget {
  return {
    ...(selector.group === undefined ? {} : { group: selector.group }),
    version: selector.version ?? '',
    kind: selector.kind ?? '',
    name: unescapeTargetName(selector.name ?? ''),
    ...(selector.namespace === undefined ? {} : { namespace: unescapeTargetName(selector.namespace) }),
  };
}

/** overlays/<target>/ of the bundle at `dir`. Throws NotFoundError if the bundle has no such overlay. */
export async function readOverlay(dir: string, target: TargetName): Promise<TargetOverlay> {
  const root = join(dir, 'overlays', target);
  const k = (await readYaml(join(root, 'kustomization.yaml'))) as Kustomization;
  const overlay: TargetOverlay = { target, options: {}, patches: [], deletions: [], resources: [] };
  for (const entry of k.patches ?? []) {
    if (entry.path === undefined) continue;
    const content = await readYaml(join(root, entry.path));
    if (entry.target !== undefined) overlay.patches.push({ target: targetOf(entry.target), ops: content as JsonPatchOp[] });
    else overlay.deletions.push(patchTargetOf(content as KubeObject));
  }
  for (const path of (k.resources ?? []).filter((r) => !r.startsWith('../'))) {
    overlay.resources.push({ object: (await readYaml(join(root, path))) as KubeObject, origin: { file: join(root, path), document: 0 } });
  }
  return overlay;
}
