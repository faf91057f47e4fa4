// The narrow slice of the Kubernetes API kindling reads, and its @kubernetes/client-node implementation.
// Only this file imports client-node (loaded lazily: it costs ~0.7 s to import); tests hand in their own.
import {
  apiFailure,
  discovered,
  discoveryIncompleteError,
  failureReason,
  groupVersionPath,
  type ApiResource,
  type DiscoveryFailure,
  type GroupList,
  type ResourceList,
} from './kube-discovery.js';

// Callers of the API client get the discovery shapes from here too.
export { apiFailure, discoveryIncompleteError, incompleteDiscovery, type ApiResource, type DiscoveryFailure } from './kube-discovery.js';

/** A node and whether its Ready condition is True. */
export interface NodeReadiness {
  name: string;
  ready: boolean;
}

/** A Deployment's rollout as its status reports it. */
export interface DeploymentReadiness {
  desired: number;
  available: number;
  /** The Available condition is True. */
  availableCondition: boolean;
}

/** What readiness checks and promotion ask the API server. Every call rejects on errors, including timeouts. */
export interface KubeApi {
  /** The server's gitVersion, e.g. v1.36.1. */
  version(): Promise<string>;
  listNodes(): Promise<NodeReadiness[]>;
  /** undefined when the Deployment does not exist (yet). */
  deployment(namespace: string, name: string): Promise<DeploymentReadiness | undefined>;
  /** Server-side applies each object in order, as field manager `kindling` (conflicts forced); `dryRun`: the server checks, stores nothing. */
  apply(objects: readonly Record<string, unknown>[], opts?: { dryRun?: boolean }): Promise<void>;
  /**
   * Every resource the server serves: the preferred version of each group, core v1 included, no subresources.
   * When some group versions do not answer (typically an aggregated API whose backend is down) it rejects with
   * an error that still carries the rest: see incompleteDiscovery().
   */
  resources(): Promise<ApiResource[]>;
  /** Every object of a kind (cluster-scoped kinds, or all namespaces), read in pages; each has apiVersion and kind. */
  list(apiVersion: string, kind: string): Promise<Record<string, unknown>[]>;
  /** One object, or undefined when it does not exist. */
  get(ref: ObjectRef): Promise<Record<string, unknown> | undefined>;
  /** Deletes one object; succeeds when it does not exist. */
  delete(ref: ObjectRef): Promise<void>;
  /** Evicts a pod through the Eviction API (PodDisruptionBudgets apply); succeeds when the pod is gone. */
  evict(namespace: string, name: string): Promise<void>;
}

/** Names one object. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

function refObject(ref: ObjectRef): { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } } {
  return {
    apiVersion: ref.apiVersion,
    kind: ref.kind,
    metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) },
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function isNotFound(err: unknown): boolean {
  return apiFailure(err)?.status === 404;
}

type ListPage = { metadata?: { continue?: string }; items?: Record<string, unknown>[] };

/** Objects per list request: big clusters are read in pages rather than in one huge answer. */
const PAGE_SIZE = 500;

/**
 * A real client-node KubeConfig, typed by the part a test uses, so that kindling's published types do not pull
 * client-node's (and their @types/ws) into a project that never calls it. Cast it to client-node's for the rest.
 */
export interface ClientKubeConfig {
  makeApiClient<T extends object>(apiClientType: new (config: never) => T): T;
  getCurrentContext(): string;
  getCurrentCluster(): { readonly name: string; readonly server: string } | null;
  exportConfig(): string;
}

/** A client-node KubeConfig from kubeconfig text with `context` current: what a harness hands its tests for makeApiClient(). */
export async function clientNodeKubeConfig(kubeconfig: string, context: string): Promise<ClientKubeConfig> {
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  kc.setCurrentContext(context);
  return kc;
}

/** A KubeApi for the cluster described by `kubeconfig` (text); each request is limited to `requestTimeoutMs`. */
export async function clientNodeKubeApi(kubeconfig: string, requestTimeoutMs = 5_000): Promise<KubeApi> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfig);
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const version = kc.makeApiClient(k8s.VersionApi);
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const server = new k8s.ServerConfiguration(kc.getCurrentCluster()!.server, {});
  const http = k8s.createConfiguration().httpApi;

  // A GET whose JSON answer is returned as sent: client-node's typed lists would drop fields its models
  // do not know (newer API versions, every custom resource's ListMeta.continue) and turn timestamps into Dates.
  async function getJson<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const request = server.makeRequestContext(path, k8s.HttpMethod.GET);
    request.setHeaderParam('Accept', 'application/json');
    for (const [key, value] of Object.entries(query)) request.setQueryParam(key, value);
    await kc.applySecurityAuthentication(request);
    const answer = async () => {
      const res = await http.send(request).toPromise();
      const text = await res.body.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON (a proxy's error page): keep the text
      }
      if (res.httpStatusCode < 200 || res.httpStatusCode > 299)
        throw new k8s.ApiException(res.httpStatusCode, `GET ${path}`, body, res.headers);
      return body as T;
    };
    return withTimeout(answer(), requestTimeoutMs, `GET ${path}`);
  }

  // Discovery documents by group version, so that list() finds a kind's plural without asking again.
  const known = new Map<string, ApiResource[]>();
  async function discover(apiVersion: string): Promise<ApiResource[]> {
    const found = discovered(apiVersion, await getJson<ResourceList>(groupVersionPath(apiVersion)));
    known.set(apiVersion, found);
    return found;
  }
  async function collectionPath(apiVersion: string, kind: string): Promise<string> {
    const match = (list: ApiResource[] | undefined) => list?.find((r) => r.kind === kind);
    const r = match(known.get(apiVersion)) ?? match(await discover(apiVersion));
    if (r === undefined)
      throw new k8s.ApiException(404, `${kind} is not served in ${apiVersion}`, { message: `no ${kind} in ${apiVersion}` }, {});
    return `${groupVersionPath(apiVersion)}/${r.resource}`;
  }

  return {
    async version() {
      return (await withTimeout(version.getCode(), requestTimeoutMs, 'GET /version')).gitVersion;
    },
    async listNodes() {
      const list = await withTimeout(core.listNode(), requestTimeoutMs, 'GET /api/v1/nodes');
      return list.items.map((n) => ({
        name: n.metadata?.name ?? '?',
        ready: (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
      }));
    },
    async apply(list, opts = {}) {
      for (const o of list) {
        const what = `${String(o.kind)} ${String((o.metadata as { name?: string } | undefined)?.name)}`;
        await withTimeout(
          // A copy: client-node fills in the default namespace on the object it is given.
          objects.patch(
            structuredClone(o) as never,
            undefined,
            opts.dryRun === true ? 'All' : undefined,
            'kindling',
            true,
            k8s.PatchStrategy.ServerSideApply,
          ),
          requestTimeoutMs * 4,
          `apply ${what}`,
        );
      }
    },
    async resources() {
      const groups = await getJson<GroupList>('/apis');
      const versions = [
        'v1',
        ...(groups.groups ?? []).flatMap((g) => g.preferredVersion?.groupVersion ?? g.versions?.[0]?.groupVersion ?? []),
      ];
      const answers = await Promise.allSettled(versions.map(discover));
      const resources: ApiResource[] = [];
      const failures: DiscoveryFailure[] = [];
      for (const [i, a] of answers.entries()) {
        if (a.status === 'fulfilled') resources.push(...a.value);
        else if (i === 0)
          throw a.reason; // the core group answers whenever the server does
        else failures.push({ groupVersion: versions[i]!, reason: failureReason(a.reason) });
      }
      if (failures.length > 0) throw discoveryIncompleteError(resources, failures);
      return resources;
    },
    async list(apiVersion, kind) {
      const path = await collectionPath(apiVersion, kind);
      const items: Record<string, unknown>[] = [];
      let token: string | undefined;
      do {
        const page = await getJson<ListPage>(path, { limit: String(PAGE_SIZE), ...(token ? { continue: token } : {}) });
        // Items of built-in lists come without apiVersion and kind: the list names them once.
        for (const item of page.items ?? []) items.push({ apiVersion, kind, ...item });
        token = page.metadata?.continue || undefined;
      } while (token !== undefined);
      return items;
    },
    async get(ref) {
      try {
        return (await withTimeout(objects.read(refObject(ref)), requestTimeoutMs, `GET ${ref.kind} ${ref.name}`)) as unknown as Record<
          string,
          unknown
        >;
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
    async delete(ref) {
      try {
        await withTimeout(objects.delete(refObject(ref)), requestTimeoutMs, `DELETE ${ref.kind} ${ref.name}`);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
    async evict(namespace, name) {
      const body = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace } };
      try {
        await withTimeout(core.createNamespacedPodEviction({ name, namespace, body }), requestTimeoutMs, `evict pod ${namespace}/${name}`);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    },
    async deployment(namespace, name) {
      try {
        const d = await withTimeout(
          apps.readNamespacedDeployment({ namespace, name }),
          requestTimeoutMs,
          `GET deployment ${namespace}/${name}`,
        );
        return {
          desired: d.spec?.replicas ?? 1,
          available: d.status?.availableReplicas ?? 0,
          availableCondition: (d.status?.conditions ?? []).some((c) => c.type === 'Available' && c.status === 'True'),
        };
      } catch (err) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
    },
  };
}
