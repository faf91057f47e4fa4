// Renders a TargetOverlay as the files of overlays/<target>/: kustomization.yaml referencing ../../base, one JSON6902
// patch file per changed object, one strategic-merge `$patch: delete` file per dropped object (JSON6902 cannot
// delete a whole resource), and one file per new resource.
import { Document, stringify } from 'yaml';
import type { KubeObject } from '../kube-object.js';
import { plainYaml } from '../order/plain-yaml.js';
import type { TargetOverlay } from './overlay.js';
import { patchTargetApiVersion, patchTargetOf, type PatchTarget } from './patch-target.js';

/** A file of the overlay, its path relative to overlays/<target>/. */
export interface OverlayFile {
  path: string;
  content: string;
}

interface PatchEntry {
  path: string;
  target?: Record<string, string>;
}

/** kustomization.yaml first, then patches/ and resources/ files sorted by path; deterministic for a given overlay. */
export function overlayFiles(overlay: TargetOverlay): OverlayFile[] {
  const patches = overlay.patches.map((p) => ({ path: `patches/${fileStem(p.target)}.yaml`, content: yaml(p.ops), target: p.target }));
  const deletions = overlay.deletions.map((t) => ({ path: `patches/${fileStem(t)}.delete.yaml`, content: yaml(deletePatch(t)) }));
  const resources = overlay.resources.map((r) => ({
    path: `resources/${fileStem(patchTargetOf(r.object))}.yaml`,
    content: yaml(r.object),
  }));
  const entries: PatchEntry[] = [
    ...patches.map((p) => ({ path: p.path, target: selector(p.target) })),
    ...deletions.map((d) => ({ path: d.path })),
  ].sort(byPath);
  const files = [...patches, ...deletions, ...resources].map(({ path, content }) => ({ path, content })).sort(byPath);
  return [{ path: 'kustomization.yaml', content: kustomization(overlay, resources.map((r) => r.path).sort(), entries) }, ...files];
}

function kustomization(overlay: TargetOverlay, resources: string[], patches: PatchEntry[]): string {
  const value = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: ['../../base', ...resources],
    ...(patches.length === 0 ? {} : { patches }),
  };
  const comment = ` kindling promote: ${overlay.target} overlay. Review, then: kubectl apply -k overlays/${overlay.target}`;
  const fast = plainYaml(value, '1.2');
  if (fast !== undefined) return `#${comment}\n\n${fast}`;
  const doc = new Document(value);
  doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0 });
}

// kustomize reads target name and namespace as anchored regular expressions: escape them to match exactly one object.
function selector(t: PatchTarget): Record<string, string> {
  return {
    ...(t.group === undefined ? {} : { group: t.group }),
    version: t.version,
    kind: t.kind,
    name: escapeRegExp(t.name),
    ...(t.namespace === undefined ? {} : { namespace: escapeRegExp(t.namespace) }),
  };
}

function deletePatch(t: PatchTarget): KubeObject & { $patch: 'delete' } {
  const metadata = { name: t.name, ...(t.namespace === undefined ? {} : { namespace: t.namespace }) };
  return { $patch: 'delete', apiVersion: patchTargetApiVersion(t), kind: t.kind, metadata };
}

/**
 * `<namespace>_<kind>[.<group>]_<name>`, other characters (`:` in RBAC names) percent-encoded: unique per object,
 * safe on every file system. Base files and overlay files use the same stem for the same object.
 */
export function fileStem(t: PatchTarget): string {
  const kind = t.group === undefined ? t.kind.toLowerCase() : `${t.kind.toLowerCase()}.${t.group}`;
  return [t.namespace, kind, t.name]
    .filter((part): part is string => part !== undefined)
    .map((part) => part.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`))
    .join('_');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function yaml(value: unknown): string {
  return plainYaml(value, '1.2') ?? stringify(value, { lineWidth: 0 });
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
