// Every file of the shared corpus (../shared/corpus from the repo root) through every target's rewrite and report,
// as published and "as a dev cluster would hold it" (images in kind's registry, side-loaded, claims on `standard`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { objectKey, type KubeObject, type SourcedObject } from '../../../../src/export/kube-object.js';
import { targetReport } from '../../../../src/export/report/target-report.js';
import { reportJson, type ReportJson } from '../../../../src/export/report/report-json.js';
import { reportMarkdown } from '../../../../src/export/report/report-markdown.js';
import { applyOverlay } from '../../../../src/export/rewrite/apply-overlay.js';
import { claimClass, claimsOf } from '../../../../src/export/rewrite/claims.js';
import { isDevRegistryImage, parseImage } from '../../../../src/export/rewrite/image-reference.js';
import { overlayFiles } from '../../../../src/export/rewrite/kustomization.js';
import { rewriteForTarget } from '../../../../src/export/rewrite/overlay.js';
import { containersOf } from '../../../../src/export/rewrite/pod-spec.js';
import { DEV_STORAGE_CLASSES } from '../../../../src/export/rewrite/storage-classes.js';
import { TARGET_NAMES } from '../../../../src/export/targets/index.js';
import { parseManifest } from '../../../../src/export/source/parse-manifest.js';
import { isRecord } from '../../../../src/export/rewrite/value-at.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CORPUS = resolve(REPO_ROOT, '../shared/corpus');
const present = existsSync(CORPUS);
if (!present) console.warn(`skipping the corpus tests: ${CORPUS} is absent (CI always has it)`);

const REGISTRY = 'registry.example.com/team';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [],
    )
    .sort();
}

// Read as promote reads it (YAML 1.1 scalars as kubectl takes them, kustomize configuration skipped).
function load(file: string): SourcedObject[] {
  return parseManifest(readFileSync(file, 'utf8'), relative(CORPUS, file)).objects;
}

// The same objects as a kind user would have them: every image pushed to localhost:5001 and side-loaded, every claim on `standard`.
function asOnDevCluster(base: readonly SourcedObject[]): SourcedObject[] {
  return structuredClone(base).map((s) => {
    for (const { container } of containersOf(s.object)) {
      const ref = parseImage(String(container.image));
      container.image = `localhost:5001/${ref.path}${ref.tag === undefined ? '' : `:${ref.tag}`}`;
      container.imagePullPolicy = 'Never';
    }
    for (const claim of claimsOf(s.object)) claim.spec['storageClassName'] ??= 'standard';
    return s;
  });
}

function images(objects: readonly KubeObject[]): Array<{ key: string; container: string; image: string; policy: unknown }> {
  return objects.flatMap((o) =>
    containersOf(o).map(({ container }) => ({
      key: objectKey(o),
      container: String(container.name),
      image: String(container.image),
      policy: container.imagePullPolicy,
    })),
  );
}

const files = present ? yamlFiles(CORPUS) : [];

describe.skipIf(!present)('the corpus through every target', () => {
  it('has files to test', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(CORPUS, f), f]))('%s', (_name, file) => {
    const published = load(file);
    const dev = asOnDevCluster(published);
    const before = structuredClone(dev);
    for (const target of TARGET_NAMES) {
      for (const options of [
        { imageRegistry: REGISTRY },
        {},
        { imageRegistry: REGISTRY, openshiftRoutes: true, internalLoadBalancers: true },
      ]) {
        const overlay = rewriteForTarget(dev, target, options);
        const final = applyOverlay(dev, overlay).map((s) => s.object);
        const report = targetReport(dev, [overlay]);
        const where = `${target} ${JSON.stringify(options)}`;

        expect(final.length, where).toBe(dev.length - overlay.deletions.length + overlay.resources.length);
        for (const i of images(final)) {
          expect(i.policy, `${where} ${i.key}`).not.toBe('Never');
          if (options.imageRegistry !== undefined) expect(isDevRegistryImage(i.image), `${where} ${i.image}`).toBe(false);
          else
            expect(report.findings, where).toContainEqual(
              expect.objectContaining({ rule: 'image-dev-registry', object: i.key, container: i.container }),
            );
        }
        for (const o of final) {
          for (const claim of claimsOf(o).filter((c) => DEV_STORAGE_CLASSES.includes(claimClass(c) ?? ''))) {
            expect(report.findings, `${where} ${claim.label}`).toContainEqual(
              expect.objectContaining({ rule: 'storage-class-unmapped', object: objectKey(o) }),
            );
          }
        }
        if (options.imageRegistry !== undefined) {
          const again = rewriteForTarget(applyOverlay(dev, overlay), target, options);
          expect(again, `${where}: rewriting the result changes nothing`).toMatchObject({ patches: [], deletions: [], resources: [] });
        }
        checkReportOutputs(report, final);
        checkOverlayFiles(overlay);
      }
    }
    expect(dev).toEqual(before);
    checkPublished(published);
  });
});

function checkReportOutputs(report: ReturnType<typeof targetReport>, final: readonly KubeObject[]): void {
  const json = JSON.parse(reportJson(report)) as ReportJson;
  const keys = new Set(final.map(objectKey));
  const [summary] = json.targets;
  if (summary === undefined) throw new Error('one target, one summary');
  expect(summary.error + summary.warning + summary.info).toBe(json.findings.length);
  for (const f of json.findings) expect(keys.has(f.object), f.object).toBe(true);
  expect(reportMarkdown(report)).toContain(`| ${summary.target} | ${final.length} |`);
}

function checkOverlayFiles(overlay: ReturnType<typeof rewriteForTarget>): void {
  const files = overlayFiles(overlay);
  const kustomization = parse(files[0]?.content ?? '') as { resources: string[]; patches?: Array<{ path: string }> };
  const paths = new Set(files.map((f) => f.path));
  expect(kustomization.resources[0]).toBe('../../base');
  for (const p of [...kustomization.resources.slice(1), ...(kustomization.patches ?? []).map((e) => e.path)])
    expect(paths.has(p), p).toBe(true);
  expect(paths.size).toBe(files.length);
}

// The published manifests: their own findings, e.g. GKE flags an Ingress that selects its class by ingressClassName.
function checkPublished(published: readonly SourcedObject[]): void {
  const overlays = TARGET_NAMES.map((t) => rewriteForTarget(published, t));
  const report = targetReport(published, overlays);
  expect(targetReport(structuredClone(published), overlays)).toEqual(report);
  for (const o of published
    .map((s) => s.object)
    .filter((x) => x.kind === 'Ingress' && isRecord(x['spec']) && 'ingressClassName' in x['spec'])) {
    const className = (o['spec'] as Record<string, unknown>)['ingressClassName'];
    if (className === 'nginx' || className === 'traefik') continue;
    expect(report.findings).toContainEqual(
      expect.objectContaining({ target: 'gke', rule: 'gke-ingress-class-name', object: objectKey(o) }),
    );
  }
}
