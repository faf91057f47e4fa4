// Applies the spec's add-ons through the Kubernetes API: every manifest is fetched (or read from
// --addons-from) and checked against its pinned sha256 first, so a mismatch applies nothing; then each
// object is server-side applied in order, once the API server answers.
import { addonCacheDir } from '../../addons/fetch.js';
import { addonObjects } from '../../addons/objects.js';
import { answeringClusterApi } from './cluster-api.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The apply-addons action. */
export const applyAddons: Action<UpState> = {
  id: 'apply-addons',
  async run(ctx, state) {
    const { spec } = state.plan;
    const sources = { cacheDir: addonCacheDir(ctx.env), ...(state.addonsFrom ? { from: state.addonsFrom } : {}) };
    const objects: Record<string, unknown>[] = [];
    const addons = spec.addons ?? [];
    for (const addon of addons) objects.push(...(await addonObjects(addon, sources)));
    const api = await answeringClusterApi(ctx, state);
    await api.apply(objects);
    ctx.logger.info(`applied ${objects.length} objects of ${addons.map((a) => a.name).join(', ')}`);
  },
};
