// restore's mechanics: applies a bundle's objects to any cluster, dev or production, in Velero's restore order:
// CRDs first (then waits until the API serves them), Namespaces, storage, RBAC, config, workloads, the rest.
// Server-side apply as field manager `kindling`, so a second restore changes nothing. With dryRun the server
// checks every object and stores nothing, and every refusal is reported at once. Volume data is restored on the
// cluster by the bundle's restore Jobs (state/restore-data.sh), which need a running pod to copy into.
import { join, resolve } from 'node:path';
import type { Context } from '../../context.js';
import { parseTargets } from '../bundle/parse-targets.js';
import { readBundleObjects } from '../bundle/read-bundle.js';
import { applyObjects } from './apply-objects.js';
import { kubeconfigFor } from './find-kubeconfig.js';
import { readIfExists } from './read-if-exists.js';
import type { RestoreRequest, RestoreResult } from './restore-request.js';

/** Applies the bundle; throws NotFoundError (bundle, context), InvalidInputError (refused objects) or TimedOutError (CRDs). */
export async function restoreBundle(ctx: Context, req: RestoreRequest): Promise<RestoreResult> {
  const dryRun = req.dryRun === true;
  const bundle = resolve(ctx.cwd, req.bundle);
  const target = req.target === undefined ? undefined : parseTargets([req.target])[0];
  const { objects, source } = await readBundleObjects(bundle, target);
  const api = await ctx.kubeApi(await kubeconfigFor(ctx, req));
  const { resources, unchecked } = await applyObjects(ctx, api, objects, {
    dryRun,
    ...(req.crdWaitMs === undefined ? {} : { crdWaitMs: req.crdWaitMs }),
  });
  const script = join(bundle, 'state', 'restore-data.sh');
  const hasVolumes = (await readIfExists(script)) !== undefined;
  const applied = resources.reduce((n, r) => n + r.count, 0);
  return { bundle, context: req.context, source, applied, resources, ...(hasVolumes ? { volumeScript: script } : {}), dryRun, unchecked };
}
