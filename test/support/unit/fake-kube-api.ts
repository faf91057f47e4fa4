// An in-memory KubeApi for unit tests: objects keyed by kind/namespace/name; apply merges metadata
// (labels, annotations) and replaces other top-level fields, as server-side apply does for the fields sent.
// Discovery is derived from the objects held unless a test sets it; list requests can be made to fail.
import { pluralOf } from '../../../src/export/order/resource-name.js';
import type { ApiResource, KubeApi, ObjectRef } from '../../../src/runtime/kube-api.js';

type Obj = Record<string, unknown>;
const meta = (o: Obj) =>
  (o.metadata ?? {}) as { name?: string; namespace?: string; annotations?: Record<string, string>; labels?: Record<string, string> };
const keyOf = (kind: string, name: string, namespace?: string) => `${kind}/${namespace ?? ''}/${name}`;

/** The verbs of an ordinary read-write resource. */
export const ALL_VERBS: readonly string[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** An error shaped like client-node's ApiException for an HTTP status, with the server's message in its body. */
export function apiError(status: number, message: string): Error {
  return Object.assign(new Error(`HTTP-Code: ${status}\nMessage: ${message}`), {
    code: status,
    body: { kind: 'Status', code: status, message },
  });
}

/** A KubeApi whose objects the test sets and inspects; `calls` records every write, `reads` every list. */
export class FakeKubeApi implements KubeApi {
  readonly objects = new Map<string, Obj>();
  readonly calls: string[] = [];
  readonly reads: string[] = [];
  /** What resources() answers (or throws); undefined derives it from the objects. */
  discovery: ApiResource[] | Error | undefined;
  /** Errors list() throws, by `apiVersion kind`. */
  readonly listErrors = new Map<string, unknown>();

  seed(...objects: Obj[]): this {
    for (const o of objects) this.objects.set(keyOf(String(o.kind), meta(o).name!, meta(o).namespace), structuredClone(o));
    return this;
  }

  async version(): Promise<string> {
    return 'v1.36.1';
  }

  async listNodes() {
    return [{ name: 'node-0', ready: true }];
  }

  async deployment() {
    return { desired: 1, available: 1, availableCondition: true };
  }

  async apply(list: readonly Obj[], opts: { dryRun?: boolean } = {}): Promise<void> {
    for (const o of list) {
      const m = meta(o);
      const key = keyOf(String(o.kind), m.name!, m.namespace);
      this.calls.push(`${opts.dryRun === true ? 'dry-run ' : ''}apply ${o.kind} ${m.name}`);
      if (opts.dryRun === true) continue;
      const current = this.objects.get(key) ?? {};
      const cm = meta(current);
      const merged: Obj = {
        ...current,
        ...o,
        metadata: { ...cm, ...m, annotations: { ...cm.annotations, ...m.annotations }, labels: { ...cm.labels, ...m.labels } },
      };
      this.objects.set(key, merged);
    }
  }

  /** The set discovery, or one read-write resource per apiVersion and kind held (namespaced if any object is). */
  async resources(): Promise<ApiResource[]> {
    if (this.discovery instanceof Error) throw this.discovery;
    if (this.discovery !== undefined) return structuredClone(this.discovery);
    const found = new Map<string, ApiResource>();
    for (const o of this.objects.values()) {
      const apiVersion = String(o.apiVersion);
      const kind = String(o.kind);
      const r = found.get(`${apiVersion} ${kind}`) ?? {
        apiVersion,
        kind,
        resource: pluralOf(kind),
        namespaced: false,
        verbs: [...ALL_VERBS],
      };
      r.namespaced ||= meta(o).namespace !== undefined;
      found.set(`${apiVersion} ${kind}`, r);
    }
    return [...found.values()];
  }

  async list(apiVersion: string, kind: string): Promise<Obj[]> {
    this.reads.push(`list ${apiVersion} ${kind}`);
    const failure = this.listErrors.get(`${apiVersion} ${kind}`);
    if (failure !== undefined) throw failure;
    return [...this.objects.entries()].filter(([k]) => k.startsWith(`${kind}/`)).map(([, o]) => structuredClone(o));
  }

  async get(ref: ObjectRef): Promise<Obj | undefined> {
    const o = this.objects.get(keyOf(ref.kind, ref.name, ref.namespace));
    return o && structuredClone(o);
  }

  async evict(namespace: string, name: string): Promise<void> {
    this.calls.push(`evict ${namespace}/${name}`);
    this.objects.delete(keyOf('Pod', name, namespace));
  }

  async delete(ref: ObjectRef): Promise<void> {
    this.calls.push(`delete ${ref.kind} ${ref.name}`);
    this.objects.delete(keyOf(ref.kind, ref.name, ref.namespace));
  }
}
