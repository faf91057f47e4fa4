// `up`: plan, then apply (src/apply/up/). Idempotent: the same spec on a running cluster is a no-op, on a
// stopped one it is started (never re-created); a different spec is refused with the differences named; a
// half-created cluster is refused.
import { applyUp } from '../apply/up/run-up.js';
import type { UpState } from '../apply/up/up-state.js';
import type { CommonOptions } from '../context.js';
import { createContext } from './create-context.js';
import { applyStart } from '../apply/start/run-start.js';
import { down } from './down.js';
import { start } from './start.js';
import { stop } from './stop.js';
import type { ClusterHandle } from './handle.js';
import { plan as makePlan, type PlanOptions } from './plan.js';

/** Options of `up`. */
export interface UpOptions extends PlanOptions, CommonOptions {
  /** Time limit for the engine's create, in milliseconds (default 5 minutes). */
  timeoutMs?: number;
  /** Keep what was created when a step fails (for debugging). */
  retain?: boolean;
  /** Read add-on manifests from this folder (by their URL's file name) instead of downloading them. */
  addonsFrom?: string;
}

function handle(opts: UpOptions, state: UpState, unchanged: boolean, started = false): ClusterHandle {
  const { spec, context } = state.plan;
  return {
    name: spec.name,
    context,
    kubeconfigPath: state.kubeconfigPath!,
    apiServer: state.status!.apiServer,
    ...(state.mergedInto ? { mergedInto: state.mergedInto } : {}),
    ...(state.readiness ? { readiness: state.readiness } : {}),
    status: state.status!,
    plan: state.plan,
    unchanged,
    ...(started ? { started } : {}),
    down: async () => {
      await down({ ...opts, names: [spec.name] });
    },
    stop: async () => {
      await stop({ ...opts, names: [spec.name] });
    },
    start: async (how = {}) => {
      await start({ ...opts, names: [spec.name], ...(how.waitMs === undefined ? {} : { waitMs: how.waitMs }) });
    },
  };
}

/** Creates the cluster described by the preset and overrides, or returns the identical one that exists. */
export async function up(opts: UpOptions = {}): Promise<ClusterHandle> {
  const ctx = createContext(opts);
  const plan = await makePlan({ ...opts, cwd: ctx.cwd });
  for (const w of plan.warnings) ctx.logger.warn(w);
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  const { state, unchanged } = await applyUp(ctx, plan, {
    timeoutMs,
    retain: opts.retain ?? false,
    ...(opts.addonsFrom ? { addonsFrom: opts.addonsFrom } : {}),
  });
  if (!unchanged || (state.status!.phase !== 'stopped' && state.status!.phase !== 'degraded')) return handle(opts, state, unchanged);
  ctx.logger.info(`cluster "${plan.spec.name}" is ${state.status!.phase}; starting it`);
  const started = await applyStart(ctx, plan.spec.name, { timeoutMs, waitMs: plan.readiness.waitMs });
  return handle(opts, { ...state, status: started.status!, ...(started.readiness ? { readiness: started.readiness } : {}) }, false, true);
}
