// Objects come from YAML or the API with no static shape; these read nested fields without trusting it.
import { isPlainMap } from '../clean/nested-maps.js';

/** Whether a value is a plain object (not null, not an array): the cleaning rules' test, under the name rewrites use. */
export const isRecord = isPlainMap;

/** The value at a path of object keys and array indices, or undefined when any step is missing. */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (typeof key === 'number') at = Array.isArray(at) ? at[key] : undefined;
    else at = isRecord(at) ? at[key] : undefined;
  }
  return at;
}
