// `restore`: applies a bundle's objects to any cluster, dev or production, in Velero's restore order, by
// server-side apply (a second restore changes nothing); with dryRun the server checks every object and stores
// nothing. The mechanics live in export/restore/; this composes them with the context.
import type { RestoreRequest, RestoreResult } from '../export/restore/restore-request.js';
import { restoreBundle } from '../export/restore/restore-bundle.js';
import type { CommonOptions } from '../context.js';
import { createContext } from './create-context.js';

/** Options of `restore`. */
export interface RestoreOptions extends CommonOptions, RestoreRequest {}

/** What `restore` applied (defined with the mechanics, re-exported for the public API). */
export type { RestoreResult } from '../export/restore/restore-request.js';

/** Applies the bundle; throws NotFoundError (bundle, context), InvalidInputError (refused objects) or TimedOutError (CRDs). */
export async function restore(opts: RestoreOptions): Promise<RestoreResult> {
  return restoreBundle(createContext(opts), opts);
}
