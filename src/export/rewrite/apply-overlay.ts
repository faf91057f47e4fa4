// Applies an overlay to its base in-process, as `kubectl kustomize overlays/<target>` would, so that tests and the
// target report see the objects the target will actually get.
import { objectKey, type SourcedObject } from '../kube-object.js';
import { applyJsonPatch } from './json-patch.js';
import type { TargetOverlay } from './overlay.js';
import { patchTargetKey } from './patch-target.js';

/**
 * The target's objects: base minus deletions, with patches applied, then the overlay's new resources. Pure: patched
 * objects and new resources are copies; objects without a patch are the base's own, shared read-only (copying every
 * object for every target cost a third of a 10,000-object promotion).
 */
export function applyOverlay(base: readonly SourcedObject[], overlay: TargetOverlay): SourcedObject[] {
  const deleted = new Set(overlay.deletions.map(patchTargetKey));
  const patches = new Map(overlay.patches.map((p) => [patchTargetKey(p.target), p.ops]));
  const kept = base.filter((s) => !deleted.has(objectKey(s.object)));
  const patched = kept.map((s) => {
    const ops = patches.get(objectKey(s.object));
    return ops === undefined ? s : { object: applyJsonPatch(s.object, ops), origin: s.origin };
  });
  return [...patched, ...structuredClone(overlay.resources)];
}
