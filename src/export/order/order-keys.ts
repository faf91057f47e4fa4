// A fixed key order inside every document, so that bundles diff cleanly: apiVersion, kind, metadata, spec, then
// the rest; inside any metadata name, generateName, namespace, labels, annotations, then the rest; every other
// map alphabetically (code-point order). Lists keep their order, which is meaningful.
import type { KubeObject } from '../kube-object.js';

const TOP_FIRST = ['apiVersion', 'kind', 'metadata', 'spec'];
const METADATA_FIRST = ['name', 'generateName', 'namespace', 'labels', 'annotations'];

function rank(first: readonly string[], key: string): number {
  const i = first.indexOf(key);
  return i < 0 ? first.length : i;
}

function sortedKeys(map: Record<string, unknown>, first: readonly string[]): string[] {
  if (first.length === 0) return Object.keys(map).sort(compareKeys);
  return Object.keys(map).sort((a, b) => rank(first, a) - rank(first, b) || (a < b ? -1 : a > b ? 1 : 0));
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown, first: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => ordered(item, []));
  if (value === null || typeof value !== 'object') return value;
  const map = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of sortedKeys(map, first)) {
    const entry = ordered(map[key], key === 'metadata' ? METADATA_FIRST : []);
    // defineProperty, so that a key named __proto__ stays a key.
    if (key === '__proto__') Object.defineProperty(result, key, { value: entry, enumerable: true, writable: true, configurable: true });
    else result[key] = entry;
  }
  return result;
}

/** A copy of `object` with its keys in the export order. */
export function orderKeys(object: KubeObject): KubeObject {
  return ordered(object, TOP_FIRST) as KubeObject;
}
