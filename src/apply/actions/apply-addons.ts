// Applies the spec's add-ons through the Kubernetes API: every manifest is fetched (or read from
// --addons-from) and checked against its pinned sha256 first, so a mismatch applies nothing; then each
// object is server-side applied in order, once the API server answers.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { addonCacheDir } from '../../addons/fetch.js';
import { addonObjects } from '../../addons/objects.js';
import { readinessStages } from '../../readiness/stages.js';
import { waitForReadiness } from '../../readiness/wait.js';
import type { Action } from '../action.js';
import type { UpState } from '../up-state.js';

/** How long apply-addons waits for the API server to answer before applying. */
const API_WAIT_MS = 120_000;

/** The apply-addons action. */
export const applyAddons: Action<UpState> = {
  id: 'apply-addons',
  async run(ctx, state) {
    const { spec } = state.plan;
    const sources = { cacheDir: addonCacheDir(ctx.env), ...(state.addonsFrom ? { from: state.addonsFrom } : {}) };
    const objects: Record<string, unknown>[] = [];
    const addons = spec.addons ?? [];
    for (const addon of addons) objects.push(...(await addonObjects(addon, sources)));
    const api = await ctx.kubeApi(await readFile(state.kubeconfigPath!, 'utf8'));
    const [apiStage] = readinessStages(spec);
    await waitForReadiness(api, [apiStage!], { timeoutMs: API_WAIT_MS, clock: { now: () => ctx.now().getTime(), sleep: (ms) => sleep(ms) } });
    await api.apply(objects);
    ctx.logger.info(`applied ${objects.length} objects of ${addons.map((a) => a.name).join(', ')}`);
  },
};
