// Tells which fields a user set, from what a live object carries: managedFields (every manager's fieldsV1) and
// the kubectl last-applied annotation. Velero uses the same evidence to keep explicitly set nodePorts while
// dropping the ones the API server allocated (which no manager owns).
import type { KubeObject } from '../kube-object.js';
import { isPlainMap, mapsIn, type PlainMap } from './nested-maps.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** What an object says about who set its fields. */
export interface FieldEvidence {
  /** The object carries managedFields or a last-applied annotation, so `owned` and `applied` mean something. */
  known: boolean;
  /** The object was read from a cluster (it has a uid, resourceVersion or creationTimestamp). */
  live: boolean;
  /** True when some manager owns the fieldsV1 path, e.g. ['f:spec', 'f:ports', 'k:{"port":80,"protocol":"TCP"}', 'f:nodePort']. */
  owned(path: readonly string[]): boolean;
  /**
   * True when a server-side apply (operation Apply) owns the path: the applier sent that field. Update operations
   * (client-side apply, create) also own the fields the API server defaulted, so they prove nothing about a default.
   */
  applyOwned(path: readonly string[]): boolean;
  /** Some manager made its changes with server-side apply (operation Apply). */
  appliedServerSide: boolean;
  /** The last-applied configuration, when present and valid JSON. */
  applied: PlainMap | undefined;
}

function parseApplied(o: KubeObject): PlainMap | undefined {
  const text = o.metadata.annotations?.[LAST_APPLIED];
  if (typeof text !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isPlainMap(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function hasPath(fields: unknown, path: readonly string[]): boolean {
  let current = fields;
  for (const key of path) current = isPlainMap(current) ? current[key] : undefined;
  return current !== undefined;
}

/** Reads the evidence an object carries; a file written by hand carries none. */
export function fieldEvidence(o: KubeObject): FieldEvidence {
  const entries = mapsIn(o.metadata.managedFields);
  const managers = entries.map((m) => m.fieldsV1);
  const appliers = entries.filter((m) => m.operation === 'Apply').map((m) => m.fieldsV1);
  const applied = parseApplied(o);
  const meta = o.metadata;
  return {
    known: managers.length > 0 || applied !== undefined,
    live: meta.uid !== undefined || meta.resourceVersion !== undefined || (meta.creationTimestamp ?? null) !== null,
    owned: (path) => managers.some((fields) => hasPath(fields, path)),
    applyOwned: (path) => appliers.some((fields) => hasPath(fields, path)),
    appliedServerSide: appliers.length > 0,
    applied,
  };
}
