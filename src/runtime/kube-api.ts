// The narrow slice of the Kubernetes API kindling reads, and its @kubernetes/client-node implementation.
// Only this file imports client-node (loaded lazily: it costs ~0.7 s to import); tests hand in their own.

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

/** What readiness checks ask the API server. Every call rejects on errors, including timeouts. */
export interface KubeApi {
  /** The server's gitVersion, e.g. v1.36.1. */
  version(): Promise<string>;
  listNodes(): Promise<NodeReadiness[]>;
  /** undefined when the Deployment does not exist (yet). */
  deployment(namespace: string, name: string): Promise<DeploymentReadiness | undefined>;
  /** Server-side applies each object in order, as field manager `kindling` (conflicts forced). */
  apply(objects: readonly Record<string, unknown>[]): Promise<void>;
  /** Every object of a kind (cluster-scoped kinds, or all namespaces). */
  list(apiVersion: string, kind: string): Promise<Record<string, unknown>[]>;
  /** One object, or undefined when it does not exist. */
  get(ref: ObjectRef): Promise<Record<string, unknown> | undefined>;
  /** Deletes one object; succeeds when it does not exist. */
  delete(ref: ObjectRef): Promise<void>;
}

/** Names one object. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

function refObject(ref: ObjectRef): { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } } {
  return { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace ? { namespace: ref.namespace } : {}) } };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function isNotFound(err: unknown): boolean {
  return (err as { code?: number }).code === 404;
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
    async apply(list) {
      for (const o of list) {
        const what = `${String(o.kind)} ${String((o.metadata as { name?: string } | undefined)?.name)}`;
        await withTimeout(
          objects.patch(o as never, undefined, undefined, 'kindling', true, k8s.PatchStrategy.ServerSideApply),
          requestTimeoutMs * 4,
          `apply ${what}`,
        );
      }
    },
    async list(apiVersion, kind) {
      const res = await withTimeout(objects.list(apiVersion, kind), requestTimeoutMs, `list ${kind}`);
      return res.items as unknown as Record<string, unknown>[];
    },
    async get(ref) {
      try {
        return (await withTimeout(objects.read(refObject(ref)), requestTimeoutMs, `GET ${ref.kind} ${ref.name}`)) as unknown as Record<string, unknown>;
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
    async deployment(namespace, name) {
      try {
        const d = await withTimeout(apps.readNamespacedDeployment({ namespace, name }), requestTimeoutMs, `GET deployment ${namespace}/${name}`);
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
