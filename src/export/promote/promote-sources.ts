// Where promote's objects come from: manifest files (--from) and/or a live cluster of the state store, read
// through its API; and the dev cluster's facts for the cluster definitions (the stored spec, else the plan of
// the preset the files were made for).
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Context } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import type { SkippedResource } from '../bundle/skipped-entry.js';
import type { SourcedObject } from '../kube-object.js';
import type { SkippedDocument } from '../source/parse-manifest.js';
import { readManifestSources } from '../source/read-sources.js';
import { devClusterFacts, type DevClusterFacts } from '../targets/index.js';
import type { PromoteRequest } from './promote-request.js';

/** Everything read, before skip and clean rules run. */
export interface PromoteSources {
  objects: SourcedObject[];
  skippedDocuments: SkippedDocument[];
  skippedResources: SkippedResource[];
  facts: DevClusterFacts;
}

/** The spec `up` would make from a preset (default k3d); the caller plans, since planning is not export's job. */
export type PlannedSpec = (preset: string | undefined) => Promise<ClusterSpec>;

async function liveCluster(ctx: Context, name: string): Promise<{ spec: ClusterSpec; kubeconfig: string }> {
  const stored = await ctx.store.readSpec(name);
  if (!stored)
    throw new NotFoundError(
      'cluster',
      `no cluster named "${name}" in the state store (${ctx.store.location})`,
      'see `kindling list`, or promote files with --from',
    );
  const path = await ctx.store.kubeconfigPath(name);
  if (!path)
    throw new NotFoundError(
      'cluster',
      `cluster "${name}" has no stored kubeconfig (it never finished creating)`,
      `run \`kindling down ${name}\` and \`kindling up\` again`,
    );
  return { spec: stored.spec, kubeconfig: await readFile(path, 'utf8') };
}

// The files of --from; the report names them as the user gave them (relative to cwd), so bundles made elsewhere diff cleanly.
async function readFileSources(ctx: Context, from: readonly string[]): Promise<Pick<PromoteSources, 'objects' | 'skippedDocuments'>> {
  if (from.length === 0) return { objects: [], skippedDocuments: [] };
  const parsed = await readManifestSources(from.map((p) => resolve(ctx.cwd, p)));
  const shown = (file: string) => (from.some(isAbsolute) ? file : relative(ctx.cwd, file));
  return {
    objects: parsed.objects.map((s) => ('file' in s.origin ? { ...s, origin: { ...s.origin, file: shown(s.origin.file) } } : s)),
    skippedDocuments: parsed.skipped.map((d) => ({ ...d, file: shown(d.file) })),
  };
}

/** Reads the files, then the live cluster if one is named; throws NotFoundError for an unknown or unfinished cluster. */
export async function readPromoteSources(ctx: Context, req: PromoteRequest, plannedSpec: PlannedSpec): Promise<PromoteSources> {
  const files = await readFileSources(ctx, req.from ?? []);
  if (req.name === undefined) {
    // Files alone: the dev cluster is the one the preset (default k3d) would make.
    return { ...files, skippedResources: [], facts: devClusterFacts(await plannedSpec(req.preset)) };
  }
  const live = await liveCluster(ctx, req.name);
  const { readClusterObjects } = await import('../source/read-cluster.js');
  ctx.logger.info(`reading every listable resource of cluster ${req.name}`);
  const read = await readClusterObjects(await ctx.kubeApi(live.kubeconfig), req.name);
  return {
    objects: [...files.objects, ...read.objects],
    skippedDocuments: files.skippedDocuments,
    skippedResources: read.skippedResources,
    facts: devClusterFacts(live.spec),
  };
}
