// Applies objects in restore order (the order given): server-side apply as field manager `kindling`, so applying
// them again changes nothing; right after the last CRD it waits until the API serves every CRD's kinds. With
// dryRun the server checks every object and stores nothing, objects of kinds the CRDs define are left unchecked
// (the server cannot know them yet), and every refusal is reported at once. restore and snapshots use it.
import type { Context } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { apiFailure, type KubeApi } from '../../runtime/kube-api.js';
import { apiGroup, objectKey, type KubeObject } from '../kube-object.js';
import { resourceName } from '../order/resource-name.js';
import { isCrd, kindsDefinedBy, waitEstablished } from './crds.js';

/** What was applied (or checked), by resource in the order applied, and what a dry run could not check. */
export interface AppliedObjects {
  resources: Array<{ resource: string; count: number }>;
  unchecked: string[];
}

function refusal(o: KubeObject, err: unknown): string {
  return `the cluster refused ${objectKey(o)}: ${apiFailure(err)?.message ?? (err as Error).message}`;
}

function refused(messages: readonly string[], dryRun: boolean, hint: string | undefined): InvalidInputError {
  const fallback = dryRun
    ? 'fix those objects in the bundle (or its overlay); a dry run stores nothing'
    : 'fix that object in the bundle (or its overlay), then run restore again: objects already applied are unchanged';
  return new InvalidInputError(messages.join('\n'), hint ?? fallback);
}

/** Applies `objects`; throws InvalidInputError (refused objects) or TimedOutError (CRDs not served in time). */
export async function applyObjects(
  ctx: Context,
  api: KubeApi,
  objects: readonly KubeObject[],
  opts: { dryRun?: boolean; crdWaitMs?: number; refusedHint?: string } = {},
): Promise<AppliedObjects> {
  const dryRun = opts.dryRun === true;
  const resources: AppliedObjects['resources'] = [];
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
      if (!dryRun) throw refused(refusals, false, opts.refusedHint);
      continue;
    }
    const resource = resourceName(o.apiVersion, o.kind);
    const last = resources[resources.length - 1];
    if (last?.resource === resource) last.count++;
    else resources.push({ resource, count: 1 });
    ctx.logger.debug(`${dryRun ? 'checked' : 'applied'} ${objectKey(o)}`);
    // Custom resources come after every CRD (restore order): wait once, right after the last CRD.
    if (!dryRun && crds.length > 0 && o === crds[crds.length - 1]) await waitEstablished(ctx, api, crds, opts.crdWaitMs ?? 60_000);
  }
  if (refusals.length > 0) throw refused(refusals, true, opts.refusedHint);
  return { resources, unchecked };
}
