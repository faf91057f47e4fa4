// `promote`: from a dev cluster (live, through the Kubernetes API) and/or manifest files, a bundle for production
// distributions: clean base/, one kustomize overlay and one cluster definition per target, REPORT.md and
// report.json, and with --with-state a Velero-layout dump plus each claim's data. The mechanics live in
// export/promote/; this composes them with the context and the planner.
import { checkPromoteRequest, type PromoteRequest, type PromoteResult } from '../export/promote/promote-request.js';
import { promoteBundle } from '../export/promote/promote-bundle.js';
import type { CommonOptions } from '../context.js';
import { createContext } from './create-context.js';
import { plan } from './plan.js';

/** Options of `promote`: a cluster name and/or `from` paths, and at least one target. */
export interface PromoteOptions extends CommonOptions, PromoteRequest {}

/** What `promote` wrote (defined with the mechanics, re-exported for the public API). */
export type { PromoteResult } from '../export/promote/promote-request.js';

/** Builds and writes the bundle. Throws InvalidInputError, NotFoundError or ConflictError before writing anything. */
export async function promote(opts: PromoteOptions): Promise<PromoteResult> {
  const checked = checkPromoteRequest(opts);
  const ctx = createContext(opts);
  const plannedSpec = async (preset: string | undefined) =>
    (await plan({ ...(preset === undefined ? {} : { preset }), cwd: ctx.cwd, env: ctx.env })).spec;
  return promoteBundle(ctx, opts, checked, plannedSpec);
}
