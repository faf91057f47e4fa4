// restore's mechanics: applies a bundle's objects to any cluster, dev or production, in Velero's restore order:
// CRDs first (then waits until the API serves them), Namespaces, storage, RBAC, config, workloads, the rest.
// Server-side apply as field manager `kindling`, so a second restore changes nothing. With dryRun the server
// checks every object and stores nothing, and every refusal is reported at once. Volume data is restored on the
// cluster by the bundle's restore Jobs (state/restore-data.sh), which need a running pod to copy into.
import { join, resolve } from 'node:path';
import type { Context } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { apiFailure } from '../../runtime/kube-api.js';
import { parseTargets } from '../bundle/parse-targets.js';
import { readBundleObjects } from '../bundle/read-bundle.js';
import { apiGroup, objectKey, type KubeObject } from '../kube-object.js';
import { resourceName } from '../order/resource-name.js';
import { isCrd, kindsDefinedBy, waitEstablished } from './crds.js';
import { kubeconfigFor } from './find-kubeconfig.js';
import { readIfExists } from './read-if-exists.js';
import type { RestoreRequest, RestoreResult } from './restore-request.js';

function refusal(o: KubeObject, err: unknown): string {
  return `the cluster refused ${objectKey(o)}: ${apiFailure(err)?.message ?? (err as Error).message}`;
}

function refused(messages: readonly string[], dryRun: boolean): InvalidInputError {
  const hint = dryRun
    ? 'fix those objects in the bundle (or its overlay); a dry run stores nothing'
    : 'fix that object in the bundle (or its overlay), then run restore again: objects already applied are unchanged';
  return new InvalidInputError(messages.join('\n'), hint);
}

/** Applies the bundle; throws NotFoundError (bundle, context), InvalidInputError (refused objects) or TimedOutError (CRDs). */
export async function restoreBundle(ctx: Context, req: RestoreRequest): Promise<RestoreResult> {
  const dryRun = req.dryRun === true;
  const bundle = resolve(ctx.cwd, req.bundle);
  const target = req.target === undefined ? undefined : parseTargets([req.target])[0];
  const { objects, source } = await readBundleObjects(bundle, target);
  const api = await ctx.kubeApi(await kubeconfigFor(ctx, req));
  const resources: RestoreResult['resources'] = [];
  const crds = objects.filter(isCrd);
  const definedHere = dryRun ? kindsDefinedBy(crds) : new Set<string>();
  const unchecked: string[] = [];
  const refusals: string[] = [];
  for (const o of objects) {
    if (definedHere.has(`${apiGroup(o.apiVersion)}/${o.kind}`)) {
      unchecked.push(objectKey(o));
      continue;
    }
    try {
      await api.apply([o], { dryRun });
    } catch (err) {
      refusals.push(refusal(o, err));
      if (!dryRun) throw refused(refusals, false);
      continue;
    }
    const resource = resourceName(o.apiVersion, o.kind);
    const last = resources[resources.length - 1];
    if (last?.resource === resource) last.count++;
    else resources.push({ resource, count: 1 });
    ctx.logger.debug(`${dryRun ? 'checked' : 'applied'} ${objectKey(o)}`);
    // Custom resources come after every CRD (restore order): wait once, right after the last CRD.
    if (!dryRun && crds.length > 0 && o === crds[crds.length - 1]) await waitEstablished(ctx, api, crds, req.crdWaitMs ?? 60_000);
  }
  if (refusals.length > 0) throw refused(refusals, true);
  const script = join(bundle, 'state', 'restore-data.sh');
  const hasVolumes = (await readIfExists(script)) !== undefined;
  const applied = resources.reduce((n, r) => n + r.count, 0);
  return { bundle, context: req.context, source, applied, resources, ...(hasVolumes ? { volumeScript: script } : {}), dryRun, unchecked };
}
