// What `kindling restore` applies: a bundle's objects, from its state dump when it has one (--with-state),
// else from base/, optionally with one target's overlay applied, in Velero's restore order.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { NotFoundError } from '../../errors.js';
import type { KubeObject, SourcedObject } from '../kube-object.js';
import { compareObjects } from '../order/order-objects.js';
import { applyOverlay } from '../rewrite/apply-overlay.js';
import type { TargetName } from '../targets/index.js';
import { parseManifest } from '../source/parse-manifest.js';
import { PARSE_OPTIONS } from '../source/yaml-dialect.js';
import { readDump } from '../dump/read-dump.js';
import { BUNDLE_MANIFEST } from './build-bundle.js';
import { readOverlay } from './read-overlay.js';

/** Where a bundle's objects were read from. */
export type BundleObjectSource = 'state' | 'base';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function readBase(dir: string): Promise<SourcedObject[]> {
  const base = join(dir, 'base');
  const k = parse(await readFile(join(base, 'kustomization.yaml'), 'utf8'), PARSE_OPTIONS) as { resources?: string[] };
  const out: SourcedObject[] = [];
  for (const path of k.resources ?? []) {
    const file = join(base, path);
    out.push(...parseManifest(await readFile(file, 'utf8'), file).objects);
  }
  return out;
}

async function readState(dir: string): Promise<SourcedObject[]> {
  const objects: KubeObject[] = await readDump(join(dir, 'state'));
  return objects.map((object) => ({ object, origin: { file: join(dir, 'state'), document: 0 } }));
}

/** The bundle's objects in restore order; throws NotFoundError when `dir` is not a bundle or lacks the target's overlay. */
export async function readBundleObjects(dir: string, target?: TargetName): Promise<{ objects: KubeObject[]; source: BundleObjectSource }> {
  if (!(await exists(join(dir, BUNDLE_MANIFEST)))) {
    throw new NotFoundError(
      'bundle',
      `${dir} is not a kindling bundle (no ${BUNDLE_MANIFEST})`,
      'point --bundle at the folder `kindling promote` wrote',
    );
  }
  const source: BundleObjectSource = (await exists(join(dir, 'state', 'resources'))) ? 'state' : 'base';
  let objects = source === 'state' ? await readState(dir) : await readBase(dir);
  if (target !== undefined) objects = applyOverlay(objects, await readOverlay(dir, target));
  return { objects: objects.map((s) => s.object).sort(compareObjects), source };
}
