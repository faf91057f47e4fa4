// What the Kubernetes API says about the cluster: events of every namespace, the nodes and the pods of every
// namespace with their status, as YAML Lists. Reached with the kubeconfig from the store, which is only read.
import { readFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import type { Context } from '../context.js';
import type { KubeApi } from '../runtime/kube-api.js';
import type { LogBundle } from './bundle.js';

/** The files and the kinds they hold. */
export const KUBE_FILES = [
  { file: 'kubernetes/events.yaml', kind: 'Event' },
  { file: 'kubernetes/nodes.yaml', kind: 'Node' },
  { file: 'kubernetes/pods.yaml', kind: 'Pod' },
] as const;

type Obj = Record<string, unknown>;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** managedFields only say who wrote which field, and the last-applied annotation repeats the object as a string
 * (env values included): noise in a bug report, and one more place a credential could hide. */
function withoutCopies(o: Obj): Obj {
  const { managedFields: _, ...metadata } = (o.metadata ?? {}) as Obj;
  const annotations = metadata.annotations as Record<string, string> | undefined;
  if (annotations && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _copy, ...rest } = annotations;
    metadata.annotations = rest;
  }
  return { ...o, metadata };
}

/** When an event last happened, for ordering: lastTimestamp, else eventTime, else creation. */
function eventTime(e: Obj): string {
  const m = (e.metadata ?? {}) as Obj;
  return String(e.lastTimestamp ?? e.eventTime ?? m.creationTimestamp ?? '');
}

async function connect(ctx: Context, name: string): Promise<KubeApi> {
  const path = await ctx.store.kubeconfigPath(name);
  if (!path) throw new Error('the store holds no kubeconfig for it (it never finished creating)');
  const api = await ctx.kubeApi(await readFile(path, 'utf8'));
  await api.version();
  return api;
}

/** Adds the three files; an API that does not answer is noted once, a list that fails on its own is noted. */
export async function addKubeObjects(ctx: Context, name: string, bundle: LogBundle): Promise<void> {
  let api: KubeApi;
  try {
    api = await connect(ctx, name);
  } catch (err) {
    bundle.failed('Kubernetes API: unreachable, no events, nodes or pods', err);
    return;
  }
  for (const { file, kind } of KUBE_FILES) {
    try {
      let items = (await api.list('v1', kind)).map(withoutCopies);
      if (kind === 'Event') items = items.sort((a, b) => eventTime(a).localeCompare(eventTime(b)));
      await bundle.add(file, stringify({ apiVersion: 'v1', kind: 'List', items }, { lineWidth: 0 }));
    } catch (err) {
      bundle.failed(`Kubernetes API: list ${kind}s`, err);
    }
  }
}
