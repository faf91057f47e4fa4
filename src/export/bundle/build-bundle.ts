// The promotion pipeline as one pure function: raw objects in, every file of the bundle out. Skip, leave out
// Secrets unless asked, clean, merge duplicates, order; then base/, one overlay and one cluster definition per
// target, the target report, and bundle.json. Nothing here touches the disk, Docker or a cluster, so tests
// and the benchmark run exactly what `kindling promote` runs.
import { cleanObject } from '../clean/clean.js';
import { partitionSkipped, type SkippedObject } from '../clean/skip.js';
import type { SourcedObject } from '../kube-object.js';
import { compareObjects } from '../order/order-objects.js';
import { targetReport, type TargetReport } from '../report/target-report.js';
import { overlayFiles } from '../rewrite/kustomization.js';
import { rewriteForTarget } from '../rewrite/overlay.js';
import type { RewriteOptions } from '../rewrite/rewrite-context.js';
import type { SkippedDocument } from '../source/parse-manifest.js';
import { checkSettings, clusterDefinition, TARGETS, type DevClusterFacts, type Settings, type TargetName } from '../targets/index.js';
import { baseFiles } from './base-files.js';
import type { BundleFile } from './bundle-file.js';
import { bundleReportJson, bundleReportMarkdown, type DefinitionEntry, type DumpSummary } from './bundle-report.js';
import { dedupeObjects } from './dedupe.js';
import { partitionSecrets } from './secrets.js';
import { skippedEntries, type SkippedEntry, type SkippedResource } from './skipped-entry.js';

/** Where the objects came from, as bundle.json records it. */
export interface BundleSource {
  cluster?: string;
  files?: readonly string[];
}

/** What a bundle is made from. */
export interface BundleInput {
  /** Raw objects as read (files and/or a live cluster); skip and clean rules run here. */
  objects: readonly SourcedObject[];
  skippedDocuments?: readonly SkippedDocument[];
  skippedResources?: readonly SkippedResource[];
  source: BundleSource;
  facts: DevClusterFacts;
  targets: readonly TargetName[];
  settings?: Settings;
  rewrite?: RewriteOptions;
  includeSecrets?: boolean;
  /** --with-state: the object dump's files and summary, made by the caller from the clean base objects. */
  dump?: (base: readonly SourcedObject[]) => { files: BundleFile[]; summary: DumpSummary };
}

/** The bundle: its files, the clean base objects (restore order) and the report's data. */
export interface Bundle {
  files: BundleFile[];
  base: SourcedObject[];
  report: TargetReport;
  definitions: DefinitionEntry[];
  skipped: SkippedEntry[];
}

/** The clean, ordered base objects and what was left out; throws InvalidInputError for conflicting duplicates. */
export function cleanBase(input: Pick<BundleInput, 'objects' | 'includeSecrets'>): { base: SourcedObject[]; skipped: SkippedObject[] } {
  const bySkipRules = partitionSkipped(input.objects);
  const bySecrets = partitionSecrets(bySkipRules.kept, input.includeSecrets === true);
  const cleaned = bySecrets.kept.map((s) => ({ object: cleanObject(s.object), origin: s.origin }));
  const base = dedupeObjects(cleaned).sort((a, b) => compareObjects(a.object, b.object));
  return { base, skipped: [...bySkipRules.skipped, ...bySecrets.skipped] };
}

/** Builds every file of the bundle. Throws InvalidInputError for unknown settings or conflicting duplicates. */
export function buildBundle(input: BundleInput): Bundle {
  const settings = input.settings ?? {};
  checkSettings(
    input.targets.map((t) => TARGETS[t]),
    settings,
  );
  const { base, skipped: skippedObjects } = cleanBase(input);
  const overlays = input.targets.map((target) => rewriteForTarget(base, target, input.rewrite ?? {}));
  const definitions = input.targets.map((target) => ({ target, definition: clusterDefinition(target, input.facts, settings) }));
  const report = targetReport(base, overlays);
  const skipped = skippedEntries(skippedObjects, input.skippedDocuments ?? [], input.skippedResources ?? [], input.source.cluster);
  const dump = input.dump?.(base);
  const reportInput = { report, definitions, skipped, ...(dump === undefined ? {} : { dump: dump.summary }) };
  const files: BundleFile[] = [
    { path: 'bundle.json', content: bundleManifest(input, base.length, skipped.length) },
    { path: 'REPORT.md', content: bundleReportMarkdown(reportInput) },
    { path: 'report.json', content: bundleReportJson(reportInput) },
    ...baseFiles(base.map((s) => s.object)),
    ...overlays.flatMap((o) => overlayFiles(o).map((f) => ({ path: `overlays/${o.target}/${f.path}`, content: f.content }))),
    ...definitions.flatMap(({ target, definition }) =>
      definition.files.map((f) => ({ path: `clusters/${target}/${f.path}`, content: f.content })),
    ),
    ...(dump?.files ?? []),
  ];
  return { files, base, report, definitions, skipped };
}

/** The marker that makes a folder a kindling bundle (promote replaces only folders that have it) and says what made it. */
export const BUNDLE_MANIFEST = 'bundle.json';

function bundleManifest(input: BundleInput, objects: number, skipped: number): string {
  const manifest = {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'PromotionBundle',
    source: {
      ...(input.source.cluster === undefined ? {} : { cluster: input.source.cluster }),
      ...(input.source.files === undefined ? {} : { files: [...input.source.files] }),
    },
    devCluster: input.facts,
    targets: [...input.targets],
    objects,
    skipped,
    includeSecrets: input.includeSecrets === true,
    withState: input.dump !== undefined,
    ...(input.rewrite?.imageRegistry === undefined ? {} : { imageRegistry: input.rewrite.imageRegistry }),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
