// The objects an add-on applies: its pinned manifests (verified), then the manifests kindling ships, with the
// add-on's transforms applied. Nothing here talks to the cluster.
import { parseAllDocuments } from 'yaml';
import { BUILTIN_MANIFESTS } from './builtin/index.js';
import type { AddonDefinition } from './catalogue.js';
import { getManifest, type ManifestSources } from './fetch.js';
import { transformObjects } from './transform.js';

function parseObjects(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const doc of parseAllDocuments(text)) {
    const o = doc.toJS() as Record<string, unknown> | null;
    if (o && typeof o === 'object' && o.kind) out.push(o);
  }
  return out;
}

/** Every object of `addon`, in apply order. Throws EnvironmentError when a manifest cannot be had or verified. */
export async function addonObjects(addon: AddonDefinition, sources: ManifestSources): Promise<Record<string, unknown>[]> {
  const objects: Record<string, unknown>[] = [];
  for (const m of addon.manifests) objects.push(...parseObjects(await getManifest(m, sources)));
  for (const name of addon.builtin ?? []) {
    const text = BUILTIN_MANIFESTS[name];
    if (text === undefined) throw new Error(`add-on ${addon.name}: no built-in manifest named ${name}`);
    objects.push(...parseObjects(text));
  }
  return transformObjects(objects, addon.transforms);
}
