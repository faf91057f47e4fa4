// An in-memory KubeApi for unit tests: objects keyed by kind/namespace/name; apply merges metadata
// (labels, annotations) and replaces other top-level fields, as server-side apply does for the fields sent.
import type { KubeApi, ObjectRef } from '../../../src/runtime/kube-api.js';

type Obj = Record<string, unknown>;
const meta = (o: Obj) => (o.metadata ?? {}) as { name?: string; namespace?: string; annotations?: Record<string, string>; labels?: Record<string, string> };
const keyOf = (kind: string, name: string, namespace?: string) => `${kind}/${namespace ?? ''}/${name}`;

/** A KubeApi whose objects the test sets and inspects; `calls` records every write. */
export class FakeKubeApi implements KubeApi {
  readonly objects = new Map<string, Obj>();
  readonly calls: string[] = [];

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

  async apply(list: readonly Obj[]): Promise<void> {
    for (const o of list) {
      const m = meta(o);
      const key = keyOf(String(o.kind), m.name!, m.namespace);
      this.calls.push(`apply ${o.kind} ${m.name}`);
      const current = this.objects.get(key) ?? {};
      const cm = meta(current);
      const merged: Obj = { ...current, ...o, metadata: { ...cm, ...m, annotations: { ...cm.annotations, ...m.annotations }, labels: { ...cm.labels, ...m.labels } } };
      this.objects.set(key, merged);
    }
  }

  async list(_apiVersion: string, kind: string): Promise<Obj[]> {
    return [...this.objects.entries()].filter(([k]) => k.startsWith(`${kind}/`)).map(([, o]) => structuredClone(o));
  }

  async get(ref: ObjectRef): Promise<Obj | undefined> {
    const o = this.objects.get(keyOf(ref.kind, ref.name, ref.namespace));
    return o && structuredClone(o);
  }

  async delete(ref: ObjectRef): Promise<void> {
    this.calls.push(`delete ${ref.kind} ${ref.name}`);
    this.objects.delete(keyOf(ref.kind, ref.name, ref.namespace));
  }
}
