// `up`: plan, then apply under the cluster's lock. Idempotent: the same spec on a running cluster is a
// no-op; a different spec is refused with the differences named; a half-created cluster is refused.
import { randomUUID } from 'node:crypto';
import { createCluster } from '../apply/actions/create-cluster.js';
import { configureCluster } from '../apply/actions/configure-cluster.js';
import { connectRegistry } from '../apply/actions/connect-registry.js';
import { ensureRegistry } from '../apply/actions/ensure-registry.js';
import { applyAddons } from '../apply/actions/apply-addons.js';
import { mergeKubeconfigAction } from '../apply/actions/merge-kubeconfig.js';
import { observe } from '../apply/actions/observe.js';
import { preflight } from '../apply/actions/preflight.js';
import { recordIntent } from '../apply/actions/record-intent.js';
import { saveKubeconfig } from '../apply/actions/save-kubeconfig.js';
import { waitReady } from '../apply/actions/wait-ready.js';
import type { Action } from '../apply/action.js';
import { runActions } from '../apply/run-actions.js';
import type { UpState } from '../apply/up-state.js';
import { ConflictError, KindlingError } from '../errors.js';
import type { UpActionId } from '../plan/plan.js';
import { describeDifferences, diffSpecs } from '../plan/spec-diff.js';
import { contextOf } from '../model/cluster-spec.js';
import { observeCluster } from '../status/observe.js';
import { createContext } from './create-context.js';
import { type CommonOptions, type Context } from '../context.js';
import { down } from './down.js';
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

const ACTIONS: Record<UpActionId, Action<UpState>> = {
  preflight,
  'record-intent': recordIntent,
  'ensure-registry': ensureRegistry,
  'create-cluster': createCluster,
  'save-kubeconfig': saveKubeconfig,
  'merge-kubeconfig': mergeKubeconfigAction,
  observe,
  'connect-registry': connectRegistry,
  'apply-addons': applyAddons,
  'configure-cluster': configureCluster,
  'wait-ready': waitReady,
};

async function existingHandle(ctx: Context, opts: UpOptions, state: UpState): Promise<ClusterHandle | undefined> {
  const { spec } = state.plan;
  const lock = await ctx.store.readLock(spec.name);
  if (lock?.live) {
    const h = lock.info;
    throw new ConflictError('locked', `cluster "${spec.name}" is busy: "${h.op}" is running (pid ${h.pid} on ${h.host}, since ${h.started})`, 'wait for it to finish, then run the command again');
  }
  if (lock && !lock.live) {
    throw new ConflictError(
      'half-created',
      `cluster "${spec.name}" was left half-done by an interrupted "${lock.info.op}" (pid ${lock.info.pid} on ${lock.info.host}, ${lock.info.started})`,
      `run \`kindling down ${spec.name}\` to remove what is left, then \`kindling up\` again`,
    );
  }
  if (!state.previous) return undefined;
  const diffs = diffSpecs(state.previous.spec, spec);
  if (diffs.length > 0) {
    throw new ConflictError(
      'spec-conflict',
      `cluster "${spec.name}" exists with a different spec: ${describeDifferences(diffs)}`,
      `run \`kindling down ${spec.name}\` first, or choose another --name`,
      { differences: diffs },
    );
  }
  const status = await observeCluster(ctx, spec.name, spec.engine, undefined, { context: contextOf(spec) });
  if (status.phase === 'missing' || status.phase === 'failed') {
    ctx.logger.info(`cluster "${spec.name}" is ${status.phase}; creating it again`);
    return undefined;
  }
  const kubeconfigPath = (await ctx.store.kubeconfigPath(spec.name)) ?? '';
  return handle(opts, state, status, kubeconfigPath, true);
}

function handle(opts: UpOptions, state: UpState, status: ClusterHandle['status'], kubeconfigPath: string, unchanged: boolean): ClusterHandle {
  const { spec, context } = state.plan;
  return {
    name: spec.name,
    context,
    kubeconfigPath,
    apiServer: status.apiServer,
    ...(state.mergedInto ? { mergedInto: state.mergedInto } : {}),
    ...(state.readiness ? { readiness: state.readiness } : {}),
    status,
    plan: state.plan,
    unchanged,
    down: async () => {
      await down({ ...opts, names: [spec.name] });
    },
  };
}

/** Creates the cluster described by the preset and overrides, or returns the identical one that exists. */
export async function up(opts: UpOptions = {}): Promise<ClusterHandle> {
  const ctx = createContext(opts);
  const plan = await makePlan({ ...opts, cwd: ctx.cwd });
  const { spec } = plan;
  const state: UpState = {
    plan,
    operationId: randomUUID(),
    previous: await ctx.store.readSpec(spec.name),
    timeoutMs: opts.timeoutMs ?? 5 * 60_000,
    ...(opts.addonsFrom ? { addonsFrom: opts.addonsFrom } : {}),
  };
  for (const w of plan.warnings) ctx.logger.warn(w);
  const same = await existingHandle(ctx, opts, state);
  if (same) return same;

  const lock = await ctx.store.lock(spec.name, 'up', state.operationId);
  const startedAt = ctx.now().toISOString();
  const steps: string[] = [];
  try {
    const list = plan.actions.map((a) => ({ title: a.title, action: ACTIONS[a.id] }));
    await runActions(ctx, list, state, { retain: opts.retain ?? false, completed: steps });
    await ctx.store.appendHistory(spec.name, { op: 'up', operationId: state.operationId, startedAt, finishedAt: ctx.now().toISOString(), outcome: 'succeeded', steps, spec });
  } catch (err) {
    if (state.previous || opts.retain) {
      const error = err instanceof KindlingError ? { code: err.code, message: err.message } : { code: 'unexpected', message: String(err) };
      await ctx.store.appendHistory(spec.name, { op: 'up', operationId: state.operationId, startedAt, finishedAt: ctx.now().toISOString(), outcome: opts.retain ? 'failed' : 'rolled-back', steps, spec, error });
      await lock.release();
    } else {
      // Nothing of this cluster existed before: leave nothing behind, in Docker (rolled back) or here.
      await ctx.store.remove(spec.name);
    }
    throw err;
  }
  await lock.release();
  return handle(opts, state, state.status!, state.kubeconfigPath!, false);
}
