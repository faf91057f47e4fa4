// The offline export as promote runs it, for tests: read files, skip, clean, order, render.
import { cleanObject } from '../../../../src/export/clean/clean.js';
import { partitionSkipped, type SkippedObject } from '../../../../src/export/clean/skip.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { orderObjects } from '../../../../src/export/order/order-objects.js';
import { toYamlDocuments } from '../../../../src/export/order/render-yaml.js';
import type { SkippedDocument } from '../../../../src/export/source/parse-manifest.js';
import { readManifestSources } from '../../../../src/export/source/read-sources.js';

/** What one export of `paths` gives. */
export interface ExportResult {
  objects: KubeObject[];
  yaml: string;
  skipped: SkippedObject[];
  skippedDocuments: SkippedDocument[];
}

/** Reads `paths` and runs every object through skip, clean and order, then renders them. */
export async function exportManifests(paths: readonly string[]): Promise<ExportResult> {
  const { objects: sourced, skipped: skippedDocuments } = await readManifestSources(paths);
  const { kept, skipped } = partitionSkipped(sourced);
  const objects = orderObjects(kept.map((s) => cleanObject(s.object)));
  return { objects, yaml: toYamlDocuments(objects), skipped, skippedDocuments };
}
