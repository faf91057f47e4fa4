// `restore`: applies a bundle's objects to any cluster, dev or production, in Velero's restore order: CRDs first
// (then waits until the API serves them), Namespaces, storage, RBAC, config, workloads, the rest. Server-side
// apply as field manager `kindling`, so a second restore changes nothing. With dryRun the server checks every
// object and stores nothing, and every refusal is reported at once. Volume data is restored on the cluster by
// the bundle's restore Jobs (state/restore-data.sh), which need a running pod to copy into.
import { readFile } from 'node:fs/promises';
import { delimiter, join, resolve } from 'node:path';
import { InvalidInputError, NotFoundError, TimedOutError } from '../errors.js';
import { readBundleObjects, type BundleObjectSource } from '../export/bundle/read-bundle.js';
import { parseTargets } from '../export/bundle/parse-targets.js';
import { apiGroup, objectKey, type KubeObject } from '../export/kube-object.js';
import { resourceName } from '../export/order/resource-name.js';
import { selectContext } from '../kubeconfig/select-context.js';
import { apiFailure, type KubeApi } from '../runtime/kube-api.js';
import { createContext } from './create-context.js';
import { type CommonOptions, type Context } from '../context.js';

/** Options of `restore`. */
export interface RestoreOptions extends CommonOptions {
  /** The folder `promote` wrote. */
  bundle: string;
  /** The kubeconfig context of the cluster to restore into. */
  context: string;
  /** A kubeconfig file to read the context from (default: $KUBECONFIG or ~/.kube/config, then kindling's clusters). */
  kubeconfig?: string;
  /** Apply this target's overlay on top of the objects (what `kubectl apply -k overlays/<target>` would give). */
  target?: string;
  /** How long to wait for restored CRDs to be served (default 60 s, as Velero waits). */
  crdWaitMs?: number;
  /** Server-side dry run: the cluster checks every object, nothing is stored. */
  dryRun?: boolean;
}

/** What was applied. */
export interface RestoreResult {
  bundle: string;
  context: string;
  source: BundleObjectSource;
  applied: number;
  /** Objects applied per resource, in the order applied. */
  resources: Array<{ resource: string; count: number }>;
  /** Set when the bundle holds volume data: the script that restores it on the cluster. */
  volumeScript?: string;
  /** Dry run: nothing was stored. */
  dryRun: boolean;
  /** Dry run: objects of kinds that the bundle's own CRDs define, which the server cannot check before they exist. */
  unchecked: string[];
}

async function readIfExists(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'EISDIR') return undefined;
    throw err;
  });
}

/** The kubeconfig text that selects `context`: the user's files first (kubectl's order), then clusters kindling keeps. */
async function kubeconfigFor(ctx: Context, opts: RestoreOptions): Promise<string> {
  const files = opts.kubeconfig !== undefined
    ? [resolve(ctx.cwd, opts.kubeconfig)]
    : (ctx.env.KUBECONFIG ?? '').split(delimiter).filter(Boolean).concat(ctx.env.KUBECONFIG ? [] : ctx.env.HOME ? [join(ctx.env.HOME, '.kube', 'config')] : []);
  for (const file of files) {
    const text = await readIfExists(file);
    const selected = text === undefined ? undefined : selectContext(text, opts.context);
    if (selected !== undefined) return selected;
  }
  if (opts.kubeconfig === undefined) {
    for (const name of await ctx.store.list()) {
      const path = await ctx.store.kubeconfigPath(name);
      const text = path === undefined ? undefined : await readIfExists(path);
      const selected = text === undefined ? undefined : selectContext(text, opts.context);
      if (selected !== undefined) return selected;
    }
  }
  throw new NotFoundError('context', `no kubeconfig context named "${opts.context}" (looked in ${files.join(', ') || 'no kubeconfig'}${opts.kubeconfig === undefined ? ' and in kindling\'s clusters' : ''})`, 'see `kubectl config get-contexts`, or pass --kubeconfig FILE');
}

function isCrd(o: KubeObject): boolean {
  return o.kind === 'CustomResourceDefinition' && o.apiVersion.startsWith('apiextensions.k8s.io/');
}

async function waitEstablished(ctx: Context, api: KubeApi, crds: readonly KubeObject[], limitMs: number): Promise<void> {
  const deadline = ctx.now().getTime() + limitMs;
  for (const crd of crds) {
    for (;;) {
      const live = await api.get({ apiVersion: crd.apiVersion, kind: crd.kind, name: crd.metadata.name ?? '' });
      const conditions = ((live?.status as { conditions?: Array<{ type?: string; status?: string }> } | undefined)?.conditions ?? []);
      if (conditions.some((c) => c.type === 'Established' && c.status === 'True')) break;
      if (ctx.now().getTime() > deadline) {
        throw new TimedOutError('crds', `CustomResourceDefinition ${crd.metadata.name} was not established within ${Math.round(limitMs / 1000)} s`, 'check the API server, then run restore again (it is idempotent)');
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

function refusal(o: KubeObject, err: unknown): string {
  return `the cluster refused ${objectKey(o)}: ${apiFailure(err)?.message ?? (err as Error).message}`;
}

function refused(messages: readonly string[], dryRun: boolean): InvalidInputError {
  const hint = dryRun
    ? 'fix those objects in the bundle (or its overlay); a dry run stores nothing'
    : 'fix that object in the bundle (or its overlay), then run restore again: objects already applied are unchanged';
  return new InvalidInputError(messages.join('\n'), hint);
}

// The kinds the bundle's own CRDs define: a dry run cannot check them, since their CRDs are not stored.
function kindsDefinedBy(crds: readonly KubeObject[]): Set<string> {
  return new Set(
    crds.map((crd) => {
      const spec = (crd.spec ?? {}) as { group?: string; names?: { kind?: string } };
      return `${spec.group ?? ''}/${spec.names?.kind ?? ''}`;
    }),
  );
}

/** Applies the bundle; throws NotFoundError (bundle, context), InvalidInputError (refused objects) or TimedOutError (CRDs). */
export async function restore(opts: RestoreOptions): Promise<RestoreResult> {
  const ctx = createContext(opts);
  const dryRun = opts.dryRun === true;
  const bundle = resolve(ctx.cwd, opts.bundle);
  const target = opts.target === undefined ? undefined : parseTargets([opts.target])[0];
  const { objects, source } = await readBundleObjects(bundle, target);
  const api = await ctx.kubeApi(await kubeconfigFor(ctx, opts));
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
    if (!dryRun && crds.length > 0 && o === crds[crds.length - 1]) await waitEstablished(ctx, api, crds, opts.crdWaitMs ?? 60_000);
  }
  if (refusals.length > 0) throw refused(refusals, true);
  const script = join(bundle, 'state', 'restore-data.sh');
  const hasVolumes = (await readIfExists(script)) !== undefined;
  const applied = resources.reduce((n, r) => n + r.count, 0);
  return { bundle, context: opts.context, source, applied, resources, ...(hasVolumes ? { volumeScript: script } : {}), dryRun, unchecked };
}
