// Applies an add-on's transforms to its parsed objects, as the kustomize overlay upstream publishes with the
// manifests would: common labels (also on selectors and pod templates), image replacements, extra args.
// Pure: returns new objects.
import type { AddonTransforms } from './catalogue.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function child(o: Obj, ...path: string[]): Obj {
  let cur = o;
  for (const key of path) {
    if (!isObj(cur[key])) cur[key] = {};
    cur = cur[key] as Obj;
  }
  return cur;
}

function addLabels(target: Obj, labels: Record<string, string>): void {
  Object.assign(target, labels);
}

function applyCommonLabels(o: Obj, labels: Record<string, string>): void {
  addLabels(child(o, 'metadata', 'labels'), labels);
  if (o.kind === 'Service') addLabels(child(o, 'spec', 'selector'), labels);
  if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].includes(String(o.kind))) {
    addLabels(child(o, 'spec', 'selector', 'matchLabels'), labels);
    addLabels(child(o, 'spec', 'template', 'metadata', 'labels'), labels);
  }
}

function containersOf(o: Obj): Obj[] {
  const spec = isObj(o.spec) && isObj(o.spec.template) && isObj(o.spec.template.spec) ? o.spec.template.spec : undefined;
  return spec ? [...((spec.initContainers as Obj[] | undefined) ?? []), ...((spec.containers as Obj[] | undefined) ?? [])] : [];
}

function imageName(ref: string): string {
  const at = ref.indexOf('@');
  const noDigest = at < 0 ? ref : ref.slice(0, at);
  const colon = noDigest.lastIndexOf(':');
  return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}

/** The objects with the transforms applied (copies; the input is not changed). */
export function transformObjects(objects: readonly Obj[], t: AddonTransforms | undefined): Obj[] {
  const out = objects.map((o) => structuredClone(o));
  if (!t) return out;
  for (const o of out) {
    if (t.commonLabels) applyCommonLabels(o, t.commonLabels);
    const name = isObj(o.metadata) ? String(o.metadata.name) : '';
    for (const c of containersOf(o)) {
      const replacement = t.images?.[imageName(String(c.image))];
      if (replacement) c.image = replacement;
      const extra = o.kind === 'Deployment' ? t.args?.[`${name}/${String(c.name)}`] : undefined;
      if (extra) c.args = [...((c.args as string[] | undefined) ?? []), ...extra];
    }
  }
  return out;
}
