// The checks of `kindling doctor` that `up` needs before it creates anything and that its own preflight does not
// already make (Docker answers, the engine binary runs): the cgroup version the spec's Kubernetes needs, and the
// free disk a node image needs. A failure stops `up` with doctor's words and fix (exit 5), unless it is named in
// KINDLING_IGNORE_PREFLIGHT_ERRORS (`up --ignore-preflight-errors`, as kubeadm's flag of that name): for node
// images that run no kubelet, or a disk the user knows better about.
import type { Context } from '../../context.js';
import type { CheckOutcome, DoctorCheck } from '../../doctor/check.js';
import { cgroupCheck } from '../../doctor/checks/cgroup.js';
import { diskCheck } from '../../doctor/checks/disk.js';
import { doctorContext, NotCheckedError } from '../../doctor/doctor-context.js';
import { procHostFacts } from '../../doctor/host-facts.js';
import { EnvironmentError, InvalidInputError } from '../../errors.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import type { Preset } from '../../presets/schema.js';

/** The environment variable naming the checks to pass over (comma-separated ids; `all` for every one). */
export const IGNORE_PREFLIGHT_VARIABLE = 'KINDLING_IGNORE_PREFLIGHT_ERRORS';

/** The doctor checks `up` runs, by id. */
export const UP_HOST_CHECKS: readonly DoctorCheck[] = [cgroupCheck, diskCheck];

/** The check ids to pass over, from the environment; an unknown id is refused (exit 2). */
export function ignoredChecks(env: Record<string, string | undefined>): Set<string> {
  const raw = env[IGNORE_PREFLIGHT_VARIABLE]?.trim();
  if (!raw) return new Set();
  const ids = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const known = UP_HOST_CHECKS.map((c) => c.id);
  for (const id of ids) {
    if (id !== 'all' && !known.includes(id)) {
      throw new InvalidInputError(
        `${IGNORE_PREFLIGHT_VARIABLE} (--ignore-preflight-errors) names an unknown check "${id}"`,
        `the checks are: ${known.join(', ')}, or all`,
      );
    }
  }
  return new Set(ids.includes('all') ? known : ids);
}

/** One check's outcome for `spec`, and whether it was passed over. */
export interface HostCheckResult extends CheckOutcome {
  id: string;
  title: string;
  ignored: boolean;
}

/** Runs the host checks for `spec` (Docker must answer already); each outcome, failures included. */
export async function hostChecks(ctx: Context, spec: ClusterSpec): Promise<HostCheckResult[]> {
  const ignored = ignoredChecks(ctx.env);
  // The cgroup check reads the presets' versions: here, only the one this cluster runs.
  const preset = { name: spec.preset, kubernetesVersion: spec.kubernetesVersion } as Preset;
  const d = doctorContext({
    ctx,
    host: procHostFacts(),
    presets: [preset],
    versions: () => Promise.reject(new NotCheckedError('not needed by up')),
  });
  return Promise.all(UP_HOST_CHECKS.map(async (c) => ({ id: c.id, title: c.title, ignored: ignored.has(c.id), ...(await c.run(d)) })));
}

/** The EnvironmentError (exit 5) for the first failed check that is not passed over, if any; warns about the others. */
export function hostFailure(ctx: Context, results: readonly HostCheckResult[]): EnvironmentError | undefined {
  for (const r of results) {
    if (r.status !== 'fail') continue;
    if (r.ignored) {
      ctx.logger.warn(`preflight check "${r.id}" failed and is passed over (${IGNORE_PREFLIGHT_VARIABLE}): ${r.detail}`);
      continue;
    }
    return new EnvironmentError(
      `preflight-${r.id}`,
      `${r.title}: ${r.detail}`,
      `${r.fix}; or, if you know better, pass --ignore-preflight-errors ${r.id}`,
    );
  }
  return undefined;
}

/** Runs the host checks for `spec` and throws hostFailure's error, if any. */
export async function refuseHostFailures(ctx: Context, spec: ClusterSpec): Promise<void> {
  const failure = hostFailure(ctx, await hostChecks(ctx, spec));
  if (failure) throw failure;
}
