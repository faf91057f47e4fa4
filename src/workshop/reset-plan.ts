// What an in-place `workshop reset` changes, given the starting snapshot's objects and the cluster's objects now,
// both as the snapshot's read step keeps them (its skip rules leave out what the cluster makes itself, cleaning
// strips server-set fields). Pure: the namespaces the attendee added go whole; other objects the snapshot does not
// hold are deleted one by one; the snapshot's objects that are missing or differ are applied again.

/** An object as the snapshot dump holds it (the fields a plan reads; the rest is compared whole). */
export interface DumpObject {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** One object to delete. */
export interface DeleteRef {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** What the reset does, in the order it does it. */
export interface ResetPlan<T extends DumpObject = DumpObject> {
  /** Namespaces the snapshot does not hold: deleted with everything in them, waited for until gone. */
  deleteNamespaces: string[];
  /** Other objects the snapshot does not hold, dependents first (reverse restore order). */
  deleteObjects: DeleteRef[];
  /** The snapshot's objects that are missing or differ, in restore order (the snapshot's own). */
  apply: T[];
  /** How many of `apply` exist but differ (the rest are missing). */
  drifted: number;
  /** The snapshot's objects that are as they were. */
  unchanged: number;
}

/** The namespace every cluster has, never deleted (its contents are reset like any other namespace's). */
const DEFAULT_NAMESPACE = 'default';

function group(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** An object's identity across API versions of its group: group/kind/namespace/name. */
export function dumpKey(o: DumpObject): string {
  return `${group(o.apiVersion)}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

function isNamespace(o: DumpObject): boolean {
  return group(o.apiVersion) === '' && o.kind === 'Namespace';
}

/** Deep equality of JSON values, key order ignored. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => sameContent(v, other[i]));
  }
  const [ka, kb] = [Object.keys(a), Object.keys(b)];
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function ref(o: DumpObject): DeleteRef {
  const { namespace } = o.metadata;
  return { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name ?? '', ...(namespace ? { namespace } : {}) };
}

/**
 * The plan that brings `live` back to `snapshot` (both in restore order). Nothing in `system` namespaces is
 * deleted, nor those namespaces or `default`; objects without a name are left alone.
 */
export function resetPlan<T extends DumpObject>(snapshot: readonly T[], live: readonly T[], system: ReadonlySet<string>): ResetPlan<T> {
  const held = new Map(snapshot.map((o) => [dumpKey(o), o]));
  const snapshotNamespaces = new Set<string>([DEFAULT_NAMESPACE, ...system]);
  for (const o of snapshot) {
    if (isNamespace(o) && o.metadata.name) snapshotNamespaces.add(o.metadata.name);
    if (o.metadata.namespace) snapshotNamespaces.add(o.metadata.namespace);
  }
  const deleteNamespaces = live
    .filter((o) => isNamespace(o) && o.metadata.name && !snapshotNamespaces.has(o.metadata.name))
    .map((o) => o.metadata.name!);
  const gone = new Set([...deleteNamespaces, ...system]);
  const deleteObjects = live
    .filter((o) => !held.has(dumpKey(o)) && !isNamespace(o) && o.metadata.name)
    .filter((o) => o.metadata.namespace === undefined || !gone.has(o.metadata.namespace))
    .map(ref)
    .reverse();
  const now = new Map(live.map((o) => [dumpKey(o), o]));
  const apply: T[] = [];
  let drifted = 0;
  for (const o of snapshot) {
    const there = now.get(dumpKey(o));
    if (there !== undefined && sameContent(there, o)) continue;
    apply.push(o);
    if (there !== undefined) drifted++;
  }
  return { deleteNamespaces, deleteObjects, apply, drifted, unchanged: snapshot.length - apply.length };
}
