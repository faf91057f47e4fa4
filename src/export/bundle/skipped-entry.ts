// What a bundle left out, in one shape for the report: objects the skip rules or the secrets rule dropped,
// documents that were not objects (kustomize configuration), resources a live read could not list.
import type { SkippedObject } from '../clean/skip.js';
import { describeOrigin, objectKey } from '../kube-object.js';
import type { SkippedDocument } from '../source/parse-manifest.js';

/** One thing left out: what (an object key, a resource, or empty for a document), where from, why. */
export interface SkippedEntry {
  what: string;
  origin: string;
  reason: string;
}

/** A resource a live read did not list, and why. */
export interface SkippedResource {
  resource: string;
  reason: string;
}

/** Every skipped thing as report entries, objects first (in the order given), then documents, then resources. */
export function skippedEntries(
  objects: readonly SkippedObject[],
  documents: readonly SkippedDocument[],
  resources: readonly SkippedResource[],
  cluster?: string,
): SkippedEntry[] {
  return [
    ...objects.map((s) => ({ what: objectKey(s.object), origin: describeOrigin(s.origin), reason: s.reason })),
    ...documents.map((d) => ({ what: '', origin: d.document === undefined ? d.file : `${d.file}#${d.document}`, reason: d.reason })),
    ...resources.map((r) => ({ what: r.resource, origin: cluster === undefined ? 'cluster' : `cluster ${cluster}`, reason: r.reason })),
  ];
}
