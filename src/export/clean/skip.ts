// Decides which objects are left out of an export, and says why, so that the report can list every skipped
// object with its reason (promotion.md 4.5). Runs before cleaning: it reads ownerReferences and annotations.
import type { KubeObject, ObjectOrigin, SourcedObject } from '../kube-object.js';
import { mapAt } from './nested-maps.js';
import { skippedKind } from './skip-kinds.js';
import { skippedAsGenerated, type SkipContext } from './skip-owned.js';
import { skippedAsSystem } from './skip-system.js';

// The context type lives with the one rule that reads it; callers get it from here.
export type { SkipContext } from './skip-owned.js';

/** An object left out, where it came from, and why. */
export interface SkippedObject {
  object: KubeObject;
  origin: ObjectOrigin;
  reason: string;
}

/** What the rules need to know about all the objects of one export. */
export function skipContext(objects: readonly KubeObject[]): SkipContext {
  const selectorlessServices = new Set<string>();
  for (const o of objects) {
    const spec = mapAt(o, 'spec');
    if (o.apiVersion === 'v1' && o.kind === 'Service' && spec !== undefined && spec.selector === undefined) {
      selectorlessServices.add(`${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`);
    }
  }
  return { selectorlessServices };
}

/** Why `object` is left out of the export; undefined to keep it. */
export function skipReason(object: KubeObject, context: SkipContext): string | undefined {
  return skippedKind(object) ?? skippedAsSystem(object) ?? skippedAsGenerated(object, context);
}

/** Splits sourced objects into those to export and those skipped, keeping their order. */
export function partitionSkipped(objects: readonly SourcedObject[]): { kept: SourcedObject[]; skipped: SkippedObject[] } {
  const context = skipContext(objects.map((s) => s.object));
  const kept: SourcedObject[] = [];
  const skipped: SkippedObject[] = [];
  for (const s of objects) {
    const reason = skipReason(s.object, context);
    if (reason === undefined) kept.push(s);
    else skipped.push({ ...s, reason });
  }
  return { kept, skipped };
}
