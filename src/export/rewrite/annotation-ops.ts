// Turns a wanted annotation map into the fewest JSON patch operations, one per changed key, so that overlay
// patches read as a list of annotation edits.
import type { KubeObject } from '../kube-object.js';
import { jsonPointer, type JsonPatchOp } from './json-patch.js';

/** Operations that make the object's annotations equal `wanted` (an empty map removes the field). */
export function annotationOps(o: KubeObject, wanted: Readonly<Record<string, string>>): JsonPatchOp[] {
  const current = o.metadata.annotations;
  const wantedKeys = Object.keys(wanted);
  if (current === undefined) {
    return wantedKeys.length === 0 ? [] : [{ op: 'add', path: '/metadata/annotations', value: { ...wanted } }];
  }
  if (wantedKeys.length === 0) return [{ op: 'remove', path: '/metadata/annotations' }];
  const removed = Object.keys(current).filter((key) => !(key in wanted));
  const changed = wantedKeys.filter((key) => current[key] !== wanted[key]);
  return [
    ...removed.map((key): JsonPatchOp => ({ op: 'remove', path: jsonPointer(['metadata', 'annotations', key]) })),
    ...changed.map((key): JsonPatchOp => ({ op: 'add', path: jsonPointer(['metadata', 'annotations', key]), value: wanted[key] })),
  ];
}
