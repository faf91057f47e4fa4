// `up --dry-run`'s read-only preflight: the same checks `up` runs before it creates anything (mount folders,
// Docker, the API server reachable from this machine, doctor's blocking host checks, the engine binary and its
// version against the tested releases, the name free in Docker, the host ports free), each run on its own so
// that every one that would fail is named, and nothing is written.
import type { Context } from '../../context.js';
import { TESTED_ENGINE_VERSIONS, isTestedVersion } from '../../engines/tested-versions.js';
import { KindlingError } from '../../errors.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import { checkApiReachable } from './api-host.js';
import { hostChecks, hostFailure } from './host-checks.js';
import { checkMountSources, checkNameFree, checkPorts } from './preflight.js';

/** One check's outcome. */
export interface PreflightCheck {
  id: 'mounts' | 'docker' | 'api' | 'host' | 'engine' | 'name' | 'ports';
  ok: boolean;
  /** What was found, or why it would fail. */
  detail: string;
  hint?: string;
  /** The exit code `up` would end with (failed checks only). */
  exitCode?: number;
}

async function check(id: PreflightCheck['id'], run: () => Promise<string>): Promise<PreflightCheck> {
  try {
    return { id, ok: true, detail: await run() };
  } catch (err) {
    const e = err as Error;
    return {
      id,
      ok: false,
      detail: e.message,
      ...(err instanceof KindlingError ? { exitCode: err.exitCode, ...(err.hint ? { hint: err.hint } : {}) } : { exitCode: 1 }),
    };
  }
}

/** Every preflight check of `up` for `spec`, read-only; checks that need Docker are skipped (failed) when it does not answer. */
export async function dryRunChecks(ctx: Context, spec: ClusterSpec): Promise<PreflightCheck[]> {
  const mounts = await check('mounts', async () => {
    await checkMountSources(spec);
    return `${spec.mounts?.length ?? 0} folder(s) to mount exist`;
  });
  const docker = await check('docker', async () => `${(await ctx.docker()).endpoint} answers`);
  if (!docker.ok) {
    const skipped = (id: PreflightCheck['id']): PreflightCheck => ({
      id,
      ok: false,
      detail: 'not checked: Docker does not answer',
      exitCode: docker.exitCode!,
    });
    return [mounts, docker, skipped('api'), skipped('host'), skipped('engine'), skipped('name'), skipped('ports')];
  }
  const api = await check('api', async () => checkApiReachable(spec, (await ctx.docker()).endpoint));
  const host = await check('host', async () => {
    const results = await hostChecks(ctx, spec);
    const failure = hostFailure(ctx, results);
    if (failure) throw failure;
    return results.map((r) => `${r.id}: ${r.status}${r.ignored && r.status === 'fail' ? ' (passed over)' : ''}`).join(', ');
  });
  const engine = await check('engine', async () => {
    const { version } = await (await ctx.engine(spec.engine)).version();
    const tested = isTestedVersion(spec.engine, version);
    return `${spec.engine} ${version}${tested ? ' (tested)' : ` (not a tested release: ${TESTED_ENGINE_VERSIONS[spec.engine].join(', ')})`}`;
  });
  const name = await check('name', async () => {
    await checkNameFree(ctx, spec);
    return `no ${spec.engine} cluster "${spec.name}" in Docker`;
  });
  const ports = await check('ports', async () => {
    await checkPorts(ctx, spec);
    return 'every host port asked for is free';
  });
  return [mounts, docker, api, host, engine, name, ports];
}
