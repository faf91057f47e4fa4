// `plan`: loads the preset and returns what `up` would do, without touching Docker or the store.
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_PRESET, loadPreset } from '../presets/load.js';
import type { Overrides } from '../plan/overrides.js';
import { planUp, type Plan } from '../plan/plan.js';

/** Options of `plan` (and the planning half of `up`). */
export interface PlanOptions extends Overrides {
  /** A built-in preset name or a path to a preset file. Default: k3d. */
  preset?: string;
  cwd?: string;
  /** Merge the cluster's context into the user's kubeconfig (default true). */
  merge?: boolean;
  /** Make it the current context (default false). */
  switchContext?: boolean;
  /** Wait this long for readiness, stage by stage (default 0: do not wait). */
  waitMs?: number;
  /** Preset overrides `key.path=value` (e.g. nodes.workers=2), applied before validation. */
  set?: readonly string[];
  /** Environment for finding the user's preset folder (defaults to process.env). */
  env?: Record<string, string | undefined>;
}

/** Loads the preset and plans. Throws PresetInvalidError, NotFoundError or InvalidInputError. */
export async function plan(opts: PlanOptions = {}): Promise<Plan> {
  const cwd = opts.cwd ?? process.cwd();
  const { preset } = await loadPreset(opts.preset ?? DEFAULT_PRESET, { cwd, env: opts.env ?? process.env, set: opts.set ?? [] });
  // Relative host paths are the user's cwd's; the pure plan step only sees absolute ones.
  const mounts = opts.mounts?.map((m) => {
    const colon = m.indexOf(':');
    const host = colon < 0 ? m : m.slice(0, colon);
    return colon < 0 || host === '' || isAbsolute(host) ? m : `${resolve(cwd, host)}${m.slice(colon)}`;
  });
  return planUp(
    preset,
    { ...opts, ...(mounts ? { mounts } : {}) },
    {
      ...(opts.merge !== undefined ? { merge: opts.merge } : {}),
      ...(opts.switchContext !== undefined ? { switchContext: opts.switchContext } : {}),
    },
    opts.waitMs ?? 0,
  );
}
