// promote's mechanics: read every source first, build every file in memory, then write the bundle at once, so bad
// input leaves nothing behind. With --with-state the dump is made from the clean base objects and the volume
// archives are added to the staged bundle before it replaces the destination.
import { resolve } from 'node:path';
import type { Context } from '../../context.js';
import { buildBundle, type Bundle } from '../bundle/build-bundle.js';
import { checkBundleDestination, writeBundle } from '../bundle/write-bundle.js';
import type { SourcedObject } from '../kube-object.js';
import type { RewriteOptions } from '../rewrite/rewrite-context.js';
import type { Settings, TargetName } from '../targets/index.js';
import { clusterDump, type ClusterDump } from './cluster-dump.js';
import type { PromoteRequest, PromoteResult } from './promote-request.js';
import { readPromoteSources, type PlannedSpec } from './promote-sources.js';

/** Builds and writes the bundle for a checked request. Throws NotFoundError or ConflictError before writing anything. */
export async function promoteBundle(
  ctx: Context,
  req: PromoteRequest,
  checked: { targets: TargetName[]; settings: Settings },
  plannedSpec: PlannedSpec,
): Promise<PromoteResult> {
  const { targets, settings } = checked;
  const out = resolve(ctx.cwd, req.out ?? (req.name === undefined ? 'promote' : `promote-${req.name}`));
  await checkBundleDestination(out);
  const sources = await readPromoteSources(ctx, req, plannedSpec);
  let made: ClusterDump | undefined;
  const bundle: Bundle = buildBundle({
    objects: sources.objects,
    skippedDocuments: sources.skippedDocuments,
    skippedResources: sources.skippedResources,
    source: {
      ...(req.name === undefined ? {} : { cluster: req.name }),
      ...(req.from === undefined || req.from.length === 0 ? {} : { files: [...req.from] }),
    },
    facts: sources.facts,
    targets,
    settings,
    rewrite: rewriteOptions(req),
    includeSecrets: req.includeSecrets === true,
    ...(req.withState === true ? { dump: (base: readonly SourcedObject[]) => (made = clusterDump(sources.objects, base)) } : {}),
  });
  const volumes: PromoteResult['volumes'] = [];
  const dump = made as ClusterDump | undefined;
  await writeBundle(
    out,
    bundle.files,
    dump === undefined
      ? undefined
      : async (dir) => {
          volumes.push(...(await dump.archive(ctx.docker, dir)));
        },
  );
  return {
    out,
    targets,
    objects: bundle.base.length,
    skipped: bundle.skipped.length,
    files: bundle.files.length + volumes.length,
    summary: bundle.report.targets,
    placeholders: bundle.definitions.flatMap(({ target, definition }) =>
      definition.placeholders.map((p) => ({ target, setKey: p.setKey, file: `clusters/${target}/${p.file}` })),
    ),
    volumes,
  };
}

// Only the options the user gave, so that the overlay and bundle.json record nothing else.
function rewriteOptions(req: PromoteRequest): RewriteOptions {
  return {
    ...(req.imageRegistry === undefined ? {} : { imageRegistry: req.imageRegistry }),
    ...(req.storageClass === undefined ? {} : { storageClass: req.storageClass }),
    ...(req.openshiftRoutes === undefined ? {} : { openshiftRoutes: req.openshiftRoutes }),
    ...(req.internalLoadBalancers === undefined ? {} : { internalLoadBalancers: req.internalLoadBalancers }),
  };
}
