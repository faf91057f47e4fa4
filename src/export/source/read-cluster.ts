// The live source of `kindling promote`: every resource of a running cluster that promotion could export, read
// through its API. Nothing is skipped or cleaned here (partitionSkipped and cleanObject run afterwards, as for
// files); this only leaves out resources promotion drops whole, and records those the server would not let us read.
import type { KubeObject, SourcedObject } from '../kube-object.js';
import { apiFailure, incompleteDiscovery, type ApiResource, type DiscoveryFailure, type KubeApi } from '../../runtime/kube-api.js';
import { mapLimited } from './map-limited.js';

/**
 * Resources never listed, named `plural.group` (`plural` for the core group): every object of these kinds is
 * dropped by the skip rules (promotion.md 4.5 "Skip kinds", src/export/clean/skip-kinds.ts), so reading them
 * would only cost requests. Endpoints and EndpointSlices are listed: selector-less Services keep theirs.
 */
export const NEVER_LISTED: ReadonlySet<string> = new Set([
  'events',
  'events.events.k8s.io',
  'leases.coordination.k8s.io',
  'nodes',
  'csinodes.storage.k8s.io',
  'volumeattachments.storage.k8s.io',
  'componentstatuses',
  'controllerrevisions.apps',
  'ipaddresses.networking.k8s.io',
]);

/** List failures that leave one resource unread instead of failing the whole read, and what they mean. */
const UNREADABLE: ReadonlyMap<number, string> = new Map([
  [403, 'not allowed to list it'],
  [404, 'no longer served (removed during the read?)'],
  [405, 'the server does not allow listing it'],
  [503, 'its API is not available (an aggregated API whose backend is down?)'],
]);

/** Lists in flight at once: enough to hide latency, few enough not to crowd a dev cluster's API server. */
const CONCURRENT_LISTS = 4;

/** A resource left unread, and why. */
export interface UnreadResource {
  resource: string;
  reason: string;
}

/** What a live read returns: the objects, and the resources that could not be read. */
export interface ClusterRead {
  objects: SourcedObject[];
  skippedResources: UnreadResource[];
}

/** How kubectl and the report name a resource: `deployments.apps`, or `pods` in the core group. */
export function resourceId(r: Pick<ApiResource, 'apiVersion' | 'resource'>): string {
  const slash = r.apiVersion.indexOf('/');
  return slash < 0 ? r.resource : `${r.resource}.${r.apiVersion.slice(0, slash)}`;
}

/**
 * Whether promotion reads a resource: it can be listed and created (read-only views such as metrics.k8s.io's
 * PodMetrics could never be applied to the target; Velero backs up only such resources too), and it is not
 * in NEVER_LISTED.
 */
export function isPromotable(r: ApiResource): boolean {
  return r.verbs.includes('list') && r.verbs.includes('create') && !NEVER_LISTED.has(resourceId(r));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function discover(api: KubeApi): Promise<{ resources: ApiResource[]; failures: DiscoveryFailure[] }> {
  try {
    return { resources: await api.resources(), failures: [] };
  } catch (err) {
    const partial = incompleteDiscovery(err);
    if (partial === undefined) throw err;
    return partial;
  }
}

/** A listed item as a KubeObject: apiVersion and kind from its resource when the server left them out. */
function asObject(r: ApiResource, item: Record<string, unknown>): KubeObject {
  const object = { apiVersion: r.apiVersion, kind: r.kind, ...item } as KubeObject;
  if (typeof object.metadata !== 'object' || object.metadata === null) object.metadata = {};
  return object;
}

/** Every object of one resource sorted by namespace and name, or why it could not be read. */
async function readResource(api: KubeApi, r: ApiResource): Promise<KubeObject[] | string> {
  try {
    const objects = (await api.list(r.apiVersion, r.kind)).map((item) => asObject(r, item));
    return objects.sort(
      (a, b) => byText(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || byText(a.metadata.name ?? '', b.metadata.name ?? ''),
    );
  } catch (err) {
    const failure = apiFailure(err);
    const meaning = failure && UNREADABLE.get(failure.status);
    if (failure === undefined || meaning === undefined) throw err;
    return `${meaning} (HTTP ${failure.status}: ${failure.message})`;
  }
}

/**
 * Every object of every promotable resource of `cluster` (see isPromotable), with origin `{ cluster }`, ordered
 * by resource, then namespace and name. A resource the server refuses (403), no longer serves (404), will not
 * list (405) or cannot reach (503), and a group whose discovery fails, is recorded in skippedResources with
 * the reason; any other error rejects the read.
 */
export async function readClusterObjects(api: KubeApi, cluster: string): Promise<ClusterRead> {
  const { resources, failures } = await discover(api);
  const wanted = resources.filter(isPromotable).sort((a, b) => byText(resourceId(a), resourceId(b)));
  const results = await mapLimited(wanted, CONCURRENT_LISTS, (r) => readResource(api, r));
  const read: ClusterRead = {
    objects: [],
    skippedResources: failures.map((f) => ({ resource: f.groupVersion, reason: `API discovery failed: ${f.reason}` })),
  };
  results.forEach((result, i) => {
    if (typeof result === 'string') read.skippedResources.push({ resource: resourceId(wanted[i]!), reason: result });
    else read.objects.push(...result.map((object) => ({ object, origin: { cluster } })));
  });
  return read;
}
