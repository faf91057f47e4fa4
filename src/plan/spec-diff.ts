// Compares two ClusterSpecs field by field, so `up` can say exactly what differs from the existing cluster.
import type { ClusterSpec } from '../model/cluster-spec.js';

/** One differing field: its dotted path and both values. */
export interface SpecDifference {
  path: string;
  existing: unknown;
  requested: unknown;
}

function walk(a: unknown, b: unknown, path: string, out: SpecDifference[]): void {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) {
      walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
    }
    return;
  }
  if (a !== b) out.push({ path, existing: a, requested: b });
}

/** Every field that differs, in a stable order. Empty means the same cluster. */
export function diffSpecs(existing: ClusterSpec, requested: ClusterSpec): SpecDifference[] {
  const out: SpecDifference[] = [];
  walk(existing, requested, '', out);
  return out;
}

/** "nodes.workers: 0 -> 2; image: a -> b" */
export function describeDifferences(diffs: readonly SpecDifference[]): string {
  return diffs.map((d) => `${d.path}: ${JSON.stringify(d.existing)} -> ${JSON.stringify(d.requested)}`).join('; ');
}
