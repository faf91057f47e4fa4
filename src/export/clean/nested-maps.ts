// Reading and pruning the nested maps of a parsed object. The cleaning rules work on a private deep copy, so
// these helpers change maps in place; each removes a key only when it matches, and reports nothing else.
import { isDeepStrictEqual } from 'node:util';

/** A JSON/YAML map. */
export type PlainMap = Record<string, unknown>;

/** True for a map (not null, not an array). */
export function isPlainMap(value: unknown): value is PlainMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The map at `path` under `root`, or undefined when any step is missing or not a map. */
export function mapAt(root: unknown, ...path: readonly string[]): PlainMap | undefined {
  let current: unknown = root;
  for (const key of path) current = isPlainMap(current) ? current[key] : undefined;
  return isPlainMap(current) ? current : undefined;
}

/** The maps among the items of a list (nothing when `value` is not a list). */
export function mapsIn(value: unknown): PlainMap[] {
  return Array.isArray(value) ? value.filter(isPlainMap) : [];
}

/** Deletes each key of `defaults` whose value in `map` deep-equals one of the listed default values. */
export function dropDefaults(map: PlainMap | undefined, defaults: Readonly<Record<string, readonly unknown[]>>): void {
  if (map === undefined) return;
  for (const [key, values] of Object.entries(defaults)) {
    if (key in map && values.some((v) => isDeepStrictEqual(map[key], v))) delete map[key];
  }
}

/** Deletes `key` when its value is an empty map: `securityContext: {}` says nothing. */
export function dropEmptyMap(map: PlainMap | undefined, key: string): void {
  const value = map?.[key];
  if (isPlainMap(value) && Object.keys(value).length === 0) delete map![key];
}

/**
 * Deletes the entries of the map `owner[key]` that `remove` picks, and `owner[key]` itself if that emptied it.
 * True when something was deleted.
 */
export function dropEntries(owner: PlainMap | undefined, key: string, remove: (entry: string, value: unknown) => boolean): boolean {
  const map = mapAt(owner, key);
  if (map === undefined) return false;
  const doomed = Object.keys(map).filter((k) => remove(k, map[k]));
  for (const k of doomed) delete map[k];
  if (doomed.length > 0 && Object.keys(map).length === 0) delete owner![key];
  return doomed.length > 0;
}

/**
 * Deletes the items of the list `owner[key]` that `remove` picks, and `owner[key]` itself if that emptied it.
 * True when something was deleted.
 */
export function dropItems(owner: PlainMap | undefined, key: string, remove: (item: unknown) => boolean): boolean {
  const list = owner?.[key];
  if (!Array.isArray(list)) return false;
  const kept = list.filter((item) => !remove(item));
  if (kept.length === list.length) return false;
  if (kept.length === 0) delete owner![key];
  else owner![key] = kept;
  return true;
}
