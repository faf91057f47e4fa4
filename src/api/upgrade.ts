// `upgrade`: a cluster at another Kubernetes version, through a recreate (src/apply/recreate/): snapshot, delete,
// make it again at the new version keeping its name, API address, registry and context, restore, wait; on a
// failure the old version comes back from the snapshot. The same version changes nothing. An upgrade killed
// outright (SIGKILL, the OOM killer, a power cut) leaves its journal: `resume` continues it from its snapshot,
// `rollback` makes the old version again from that snapshot.
import { applyRecreate, planRecreateOf, type RecreateApplyOptions } from '../apply/recreate/run-recreate.js';
import { storedCluster } from '../apply/stored-cluster.js';
import type { CommonOptions, Context } from '../context.js';
import type { ClusterStatus } from '../model/cluster-status.js';
import type { RecreatePlan, RecreateShape } from '../plan/recreate-plan.js';
import { upgradeSpec } from '../plan/upgrade-spec.js';
import { loadPreset } from '../presets/load.js';
import type { Preset } from '../presets/schema.js';
import type { StageResult } from '../readiness/wait.js';
import type { RestoredSnapshot } from '../apply/snapshot/restore-into.js';
import { createContext } from './create-context.js';
import { InvalidInputError } from '../errors.js';
import { recoverBeforeUse } from '../apply/recover.js';
import { resumeUpgrade } from '../apply/recreate/resume-upgrade.js';

/** Options of `upgrade`. */
export interface UpgradeOptions extends CommonOptions {
  name: string;
  /** The Kubernetes version wanted, e.g. v1.37.0 (not with resume or rollback: the interrupted upgrade's). */
  kubernetesVersion?: string;
  /** Continue the interrupted upgrade of the cluster from its snapshot. */
  resume?: boolean;
  /** Undo the interrupted upgrade of the cluster: its old version, from the snapshot. */
  rollback?: boolean;
  /** The node image (default: the one the cluster's preset pins for that version). */
  image?: string;
  allowDowngrade?: boolean;
  /** The name of the snapshot taken first (default upgrade-<time>); it is kept. */
  snapshot?: string;
  /** Time limit of each engine create (default 5 minutes). */
  timeoutMs?: number;
  /** The readiness wait before the restore (default 5 minutes). */
  waitMs?: number;
  dryRun?: boolean;
}

/** What a recreate (upgrade, snapshot restore, kind scale) did. */
export interface RecreateResult {
  name: string;
  engine: string;
  from: RecreateShape;
  to: RecreateShape;
  /** The snapshot restored (`cluster/id`). */
  snapshot: string;
  /** Nothing was to be done. */
  unchanged: boolean;
  status?: ClusterStatus;
  readiness?: StageResult[];
  restored?: RestoredSnapshot;
  plan?: RecreatePlan;
}

async function presetOf(ctx: Context, name: string): Promise<Preset | undefined> {
  try {
    return (await loadPreset(name, { cwd: ctx.cwd, env: ctx.env, set: [] })).preset;
  } catch {
    return undefined;
  }
}

/** The recreate options of an upgrade, and its warnings; refuses a downgrade or an unknown image before anything runs. */
async function upgradeRecreate(ctx: Context, opts: UpgradeOptions): Promise<{ recreate: RecreateApplyOptions; same: boolean }> {
  const { spec } = await storedCluster(ctx, opts.name);
  if (opts.kubernetesVersion === undefined) {
    throw new InvalidInputError('upgrade needs the Kubernetes version wanted', 'pass --k8s-version, e.g. --k8s-version v1.37.0');
  }
  const { spec: wanted, warnings } = upgradeSpec(spec, await presetOf(ctx, spec.preset), {
    version: opts.kubernetesVersion,
    ...(opts.image === undefined ? {} : { image: opts.image }),
    ...(opts.allowDowngrade ? { allowDowngrade: true } : {}),
  });
  for (const w of warnings) ctx.logger.warn(w);
  return {
    same: wanted.kubernetesVersion === spec.kubernetesVersion && wanted.image === spec.image,
    recreate: {
      reason: 'upgrade',
      wanted: () => wanted,
      ...(opts.snapshot === undefined ? {} : { takeAs: opts.snapshot }),
      timeoutMs: opts.timeoutMs ?? 5 * 60_000,
      waitMs: opts.waitMs ?? 5 * 60_000,
    },
  };
}

/** The result of a recreate, as the verbs that use one return it. */
export function recreateResult(
  plan: RecreatePlan,
  outcome: Partial<Pick<RecreateResult, 'status' | 'readiness' | 'restored'>>,
  unchanged: boolean,
): RecreateResult {
  return {
    name: plan.name,
    engine: plan.engine,
    from: plan.from,
    to: plan.to,
    snapshot: `${plan.name}/${plan.snapshot.id}`,
    unchanged,
    ...(outcome.status ? { status: outcome.status } : {}),
    ...(outcome.readiness ? { readiness: outcome.readiness } : {}),
    ...(outcome.restored ? { restored: outcome.restored } : {}),
  };
}

/** What `upgrade` would do; changes nothing. */
export async function upgradePlan(opts: UpgradeOptions): Promise<RecreatePlan> {
  const ctx = createContext(opts);
  const { recreate } = await upgradeRecreate(ctx, opts);
  return (await planRecreateOf(ctx, opts.name, recreate)).plan;
}

/** Upgrades (or, with allowDowngrade, downgrades) one cluster; with dryRun, returns the plan only. */
export async function upgrade(opts: UpgradeOptions): Promise<RecreateResult> {
  const ctx = createContext(opts);
  if (opts.resume || opts.rollback) {
    if (opts.resume && opts.rollback) throw new InvalidInputError('--resume and --rollback exclude each other', 'choose one');
    const outcome = await resumeUpgrade(ctx, opts.name, {
      mode: opts.resume ? 'resume' : 'rollback',
      timeoutMs: opts.timeoutMs ?? 5 * 60_000,
      waitMs: opts.waitMs ?? 5 * 60_000,
    });
    return recreateResult(outcome.plan, outcome, outcome.unchanged);
  }
  const { recreate, same } = await upgradeRecreate(ctx, opts);
  if (same || opts.dryRun) {
    const { plan } = await planRecreateOf(ctx, opts.name, recreate);
    return { ...recreateResult(plan, {}, same), ...(opts.dryRun ? { plan } : {}) };
  }
  await recoverBeforeUse(ctx, opts.name);
  const outcome = await applyRecreate(ctx, opts.name, recreate);
  return recreateResult(outcome.plan, outcome, false);
}
