// `cluster.apply(manifests)`: YAML text or objects, server-side applied as field manager `kindling` (conflicts
// forced, so applying again changes nothing), Namespaces and CRDs first; then every object is waited for until
// it is ready (object-readiness.ts) or the time is up.
import { parseAllDocuments } from 'yaml';
import type { Context } from '../../context.js';
import { InvalidInputError, TimedOutError } from '../../errors.js';
import type { KubeObject } from '../../export/kube-object.js';
import { applyObjects } from '../../export/restore/apply-objects.js';
import type { KubeApi } from '../../runtime/kube-api.js';
import { objectReadiness } from './object-readiness.js';

/** What `apply` takes: YAML (one or more documents), an object, or a list of either. */
export type Manifests = string | Record<string, unknown> | ReadonlyArray<string | Record<string, unknown>>;

/** One applied object, named as kubectl does (`Deployment web -n demo`). */
export interface AppliedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

function objectsOf(manifests: Manifests): Record<string, unknown>[] {
  const items = typeof manifests === 'string' || !Array.isArray(manifests) ? [manifests as string | Record<string, unknown>] : manifests;
  const out: Record<string, unknown>[] = [];
  for (const item of items) {
    const docs = typeof item === 'string' ? parseAllDocuments(item).map((d) => d.toJS() as unknown) : [item];
    for (const doc of docs) {
      if (doc === null || doc === undefined) continue;
      const o = doc as Record<string, unknown>;
      // A `kind: List` (what `kubectl get -o yaml` prints) holds its objects in items.
      if (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items))
        out.push(...(o.items as Record<string, unknown>[]));
      else out.push(o);
    }
  }
  return out;
}

function checked(o: Record<string, unknown>, i: number): KubeObject {
  const name = (o.metadata as { name?: unknown } | undefined)?.name;
  if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || typeof name !== 'string' || name === '') {
    throw new InvalidInputError(
      `manifest object #${i + 1} is not a Kubernetes object: it needs apiVersion, kind and metadata.name`,
      'pass YAML documents or objects such as { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } }',
    );
  }
  return o as KubeObject;
}

const FIRST = new Set(['Namespace', 'CustomResourceDefinition']);

/** The objects of `manifests`, checked, Namespaces and CRDs first (otherwise in the order given). */
export function manifestObjects(manifests: Manifests): KubeObject[] {
  const all = objectsOf(manifests).map(checked);
  return [...all.filter((o) => FIRST.has(o.kind)), ...all.filter((o) => !FIRST.has(o.kind))];
}

const ref = (o: KubeObject): AppliedObject => ({
  apiVersion: o.apiVersion,
  kind: o.kind,
  name: o.metadata.name!,
  ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}),
});

const describe = (r: AppliedObject) => `${r.kind} ${r.name}${r.namespace ? ` -n ${r.namespace}` : ''}`;

/** Polls until every object is ready; TimedOutError naming the ones that are not, InvalidInputError for one that failed. */
export async function waitObjectsReady(
  api: KubeApi,
  refs: readonly AppliedObject[],
  waitMs: number,
  clock: { now(): number; sleep(ms: number): Promise<void> },
): Promise<void> {
  const deadline = clock.now() + waitMs;
  for (;;) {
    const pending: string[] = [];
    for (const r of refs) {
      const state = objectReadiness(await api.get(r));
      if (state.ready) continue;
      if (state.failed)
        throw new InvalidInputError(`${describe(r)} ${state.reason}`, `see \`kubectl describe ${r.kind.toLowerCase()} ${r.name}\``);
      pending.push(`${describe(r)} (${state.reason})`);
    }
    if (pending.length === 0) return;
    if (clock.now() >= deadline)
      throw new TimedOutError(
        'apply',
        `not ready after ${Math.round(waitMs / 1000)}s: ${pending.join(', ')}`,
        'give apply a longer waitMs, or look at the objects with kubectl describe',
      );
    await clock.sleep(Math.min(1_000, Math.max(0, deadline - clock.now())));
  }
}

/** Namespaced objects given without a namespace land in `default`, as client-node applies them: name it, to read them back. */
async function withNamespaces(api: KubeApi, refs: AppliedObject[]): Promise<AppliedObject[]> {
  if (refs.every((r) => r.namespace !== undefined)) return refs;
  const resources = await api.resources().catch(() => []);
  const namespaced = (r: AppliedObject) => resources.some((x) => x.kind === r.kind && x.apiVersion === r.apiVersion && x.namespaced);
  return refs.map((r) => (r.namespace === undefined && namespaced(r) ? { ...r, namespace: 'default' } : r));
}

/** Applies `manifests` to the cluster `kubeconfig` reaches and, unless waitMs is 0, waits for them to be ready. */
export async function applyManifests(
  ctx: Context,
  kubeconfig: string,
  manifests: Manifests,
  opts: { waitMs: number; sleep: (ms: number) => Promise<void> },
): Promise<AppliedObject[]> {
  const objects = manifestObjects(manifests);
  if (objects.length === 0) return [];
  const api = await ctx.kubeApi(kubeconfig);
  await applyObjects(ctx, api, objects, { refusedHint: 'fix that object and apply again: objects already applied are unchanged' });
  const refs = await withNamespaces(api, objects.map(ref));
  if (opts.waitMs > 0) await waitObjectsReady(api, refs, opts.waitMs, { now: () => ctx.now().getTime(), sleep: opts.sleep });
  return refs;
}
