// `promote`: from a dev cluster (live, through the Kubernetes API) and/or manifest files, a bundle for production
// distributions: clean base/, one kustomize overlay and one cluster definition per target, REPORT.md and
// report.json, and with --with-state a Velero-layout dump plus each claim's data. Reads everything first,
// builds every file in memory, then writes the bundle at once: bad input leaves nothing behind.
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { buildBundle, type Bundle } from '../export/bundle/build-bundle.js';
import { parseSettings, parseTargets } from '../export/bundle/parse-targets.js';
import type { SkippedResource } from '../export/bundle/skipped-entry.js';
import { checkBundleDestination, writeBundle } from '../export/bundle/write-bundle.js';
import type { SourcedObject } from '../export/kube-object.js';
import type { TargetSummary } from '../export/report/target-report.js';
import type { SkippedDocument } from '../export/source/parse-manifest.js';
import { readManifestSources } from '../export/source/read-sources.js';
import { devClusterFacts, type DevClusterFacts, type TargetName } from '../export/targets/index.js';
import type { ClusterSpec } from '../plan/cluster-spec.js';
import { createContext, type CommonOptions, type Context } from './context.js';
import { plan } from './plan.js';
import { clusterState, type ClusterStateDump } from './promote-state.js';

/** Options of `promote`: a cluster name and/or `from` paths, and at least one target. */
export interface PromoteOptions extends CommonOptions {
  /** A cluster in the state store, read live through its API. */
  name?: string;
  /** Manifest files or folders (relative to cwd). */
  from?: readonly string[];
  /** Target names; each may be a comma-separated list (`eks,gke`). */
  to: readonly string[];
  /** The bundle folder (default: ./promote-<name>, or ./promote for files only). Replaced if it holds an earlier bundle. */
  out?: string;
  /** Registry that replaces dev registries in image references. */
  imageRegistry?: string;
  /** `key=value` settings for the cluster definitions (region, project, ...); `<target>.<key>` for one target. */
  set?: readonly string[];
  /** StorageClass for claims instead of each target's default class. */
  storageClass?: string;
  /** OpenShift: turn Ingresses into Routes. */
  openshiftRoutes?: boolean;
  /** Make load balancers internal where the target can. */
  internalLoadBalancers?: boolean;
  /** Add a Velero-layout dump and each claim's data (live clusters only). */
  withState?: boolean;
  /** Export Secrets (written 0600, flagged in the report). */
  includeSecrets?: boolean;
  /** For files only: the preset the dev cluster was made with, for the cluster definitions (default: k3d). */
  preset?: string;
}

/** What `promote` wrote. */
export interface PromoteResult {
  out: string;
  targets: TargetName[];
  objects: number;
  skipped: number;
  files: number;
  summary: TargetSummary[];
  placeholders: Array<{ target: TargetName; setKey: string; file: string }>;
  volumes: Array<{ namespace: string; claim: string; file: string; bytes: number }>;
}

interface Sources {
  objects: SourcedObject[];
  skippedDocuments: SkippedDocument[];
  skippedResources: SkippedResource[];
  facts: DevClusterFacts;
}

function checkOptions(opts: PromoteOptions): void {
  if (opts.name === undefined && (opts.from ?? []).length === 0) {
    throw new InvalidInputError('promote needs a source: a cluster name, --from PATH, or both', 'for example: kindling promote dev --to eks, or kindling promote --from k8s/ --to eks');
  }
  if (opts.withState === true && opts.name === undefined) {
    throw new InvalidInputError('--with-state reads a live cluster: name one', `for example: kindling promote NAME --with-state --to ${opts.to.join(',') || 'kubeadm'}`);
  }
  if (opts.preset !== undefined && opts.name !== undefined) {
    throw new InvalidInputError('--preset is for --from without a cluster: a named cluster already knows its preset', 'drop --preset');
  }
}

async function liveCluster(ctx: Context, name: string): Promise<{ spec: ClusterSpec; kubeconfig: string }> {
  const stored = await ctx.store.readSpec(name);
  if (!stored) throw new NotFoundError('cluster', `no cluster named "${name}" in the state store (${ctx.store.location})`, 'see `kindling list`, or promote files with --from');
  const path = await ctx.store.kubeconfigPath(name);
  if (!path) throw new NotFoundError('cluster', `cluster "${name}" has no stored kubeconfig (it never finished creating)`, `run \`kindling down ${name}\` and \`kindling up\` again`);
  return { spec: stored.spec, kubeconfig: await readFile(path, 'utf8') };
}

// The files of --from; the report names them as the user gave them (relative to cwd), so bundles made elsewhere diff cleanly.
async function readFileSources(ctx: Context, from: readonly string[]): Promise<Pick<Sources, 'objects' | 'skippedDocuments'>> {
  if (from.length === 0) return { objects: [], skippedDocuments: [] };
  const parsed = await readManifestSources(from.map((p) => resolve(ctx.cwd, p)));
  const shown = (file: string) => (from.some(isAbsolute) ? file : relative(ctx.cwd, file));
  return {
    objects: parsed.objects.map((s) => ('file' in s.origin ? { ...s, origin: { ...s.origin, file: shown(s.origin.file) } } : s)),
    skippedDocuments: parsed.skipped.map((d) => ({ ...d, file: shown(d.file) })),
  };
}

async function readSources(ctx: Context, opts: PromoteOptions): Promise<Sources> {
  const files = await readFileSources(ctx, opts.from ?? []);
  if (opts.name === undefined) {
    // Files alone: the dev cluster is the one the preset (default k3d) would make.
    const planned = await plan({ ...(opts.preset === undefined ? {} : { preset: opts.preset }), cwd: ctx.cwd, env: ctx.env });
    return { ...files, skippedResources: [], facts: devClusterFacts(planned.spec) };
  }
  const live = await liveCluster(ctx, opts.name);
  const { readClusterObjects } = await import('../export/source/read-cluster.js');
  ctx.logger.info(`reading every listable resource of cluster ${opts.name}`);
  const read = await readClusterObjects(await ctx.kubeApi(live.kubeconfig), opts.name);
  return { objects: [...files.objects, ...read.objects], skippedDocuments: files.skippedDocuments, skippedResources: read.skippedResources, facts: devClusterFacts(live.spec) };
}

/** Builds and writes the bundle. Throws InvalidInputError, NotFoundError or ConflictError before writing anything. */
export async function promote(opts: PromoteOptions): Promise<PromoteResult> {
  checkOptions(opts);
  const targets = parseTargets(opts.to);
  const settings = parseSettings(opts.set ?? []);
  const ctx = createContext(opts);
  const out = resolve(ctx.cwd, opts.out ?? (opts.name === undefined ? 'promote' : `promote-${opts.name}`));
  await checkBundleDestination(out);
  const sources = await readSources(ctx, opts);
  let state: ClusterStateDump | undefined;
  const bundle: Bundle = buildBundle({
    objects: sources.objects,
    skippedDocuments: sources.skippedDocuments,
    skippedResources: sources.skippedResources,
    source: { ...(opts.name === undefined ? {} : { cluster: opts.name }), ...(opts.from === undefined || opts.from.length === 0 ? {} : { files: [...opts.from] }) },
    facts: sources.facts,
    targets,
    settings,
    rewrite: {
      ...(opts.imageRegistry === undefined ? {} : { imageRegistry: opts.imageRegistry }),
      ...(opts.storageClass === undefined ? {} : { storageClass: opts.storageClass }),
      ...(opts.openshiftRoutes === undefined ? {} : { openshiftRoutes: opts.openshiftRoutes }),
      ...(opts.internalLoadBalancers === undefined ? {} : { internalLoadBalancers: opts.internalLoadBalancers }),
    },
    includeSecrets: opts.includeSecrets === true,
    ...(opts.withState === true ? { dump: (base: readonly SourcedObject[]) => (state = clusterState(sources.objects, base)) } : {}),
  });
  const volumes: PromoteResult['volumes'] = [];
  const dump = state as ClusterStateDump | undefined;
  await writeBundle(out, bundle.files, dump === undefined ? undefined : async (dir) => {
    volumes.push(...(await dump.archive(ctx.docker, dir)));
  });
  return {
    out,
    targets,
    objects: bundle.base.length,
    skipped: bundle.skipped.length,
    files: bundle.files.length + volumes.length,
    summary: bundle.report.targets,
    placeholders: bundle.definitions.flatMap(({ target, definition }) => definition.placeholders.map((p) => ({ target, setKey: p.setKey, file: `clusters/${target}/${p.file}` }))),
    volumes,
  };
}
