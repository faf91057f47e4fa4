// Checks, before anything is created: every host folder to mount exists, Docker answers, the API server will be
// reachable from this machine (api-host.ts: not on a loopback address of another machine), doctor's blocking host
// checks pass (host-checks.ts: cgroup version, free disk), the engine binary runs, no cluster of that name exists
// in Docker, and every requested host port is free (to the OS and to Docker's published ports).
import { stat } from 'node:fs/promises';
import type { Context } from '../../context.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import { ConflictError, InvalidInputError } from '../../errors.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';
import { checkApiReachable } from './api-host.js';
import { refuseHostFailures } from './host-checks.js';

/** Host ports the spec asks for, as address:port/protocol. */
function requestedPorts(spec: ClusterSpec): { address: string; port: number; protocol: string }[] {
  const { apiServer, ports } = spec;
  return [
    ...(apiServer.port !== 0 ? [{ address: apiServer.address, port: apiServer.port, protocol: 'TCP' }] : []),
    ...ports.map((p) => ({ address: p.listenAddress, port: p.hostPort, protocol: p.protocol })),
  ];
}

/** ConflictError port-in-use for the first host port the spec asks for that is taken (by a container or anything else). */
export async function checkPorts(ctx: Context, spec: ClusterSpec): Promise<void> {
  const wanted = requestedPorts(spec);
  if (wanted.length === 0) return;
  const publishing = await (await ctx.docker()).listPublishingContainers();
  for (const w of wanted) {
    const holder = publishing.find((c) =>
      c.ports.some(
        (p) =>
          p.hostPort === w.port &&
          p.protocol.toUpperCase() === w.protocol &&
          (p.hostIp === w.address || ['', '0.0.0.0', '::'].includes(p.hostIp) || w.address === '0.0.0.0'),
      ),
    );
    const free = w.protocol === 'UDP' || (await ctx.portProbe.isFree(w.address, w.port));
    if (holder || !free) {
      throw new ConflictError(
        'port-in-use',
        `host port ${w.address}:${w.port} is already in use${holder ? ` by container "${holder.name}"` : ''}`,
        `stop what listens there (\`ss -ltnp 'sport = :${w.port}'\`) or choose another port`,
        { port: w.port, address: w.address },
      );
    }
  }
}

// Docker would create a missing bind-mount source as an empty root-owned folder: the user's data is not there.
export async function checkMountSources(spec: ClusterSpec): Promise<void> {
  for (const m of spec.mounts ?? []) {
    const found = await stat(m.hostPath).catch((err: NodeJS.ErrnoException) => err);
    if (found instanceof Error) {
      const why = found.code === 'ENOENT' ? 'does not exist' : `cannot be read (${found.code ?? found.message})`;
      throw new InvalidInputError(
        `--mount ${m.hostPath}:${m.containerPath}: ${m.hostPath} ${why}`,
        'create the folder first, or fix the path',
      );
    }
  }
}

/** ConflictError cluster-exists when the engine already has a cluster of that name in Docker. */
export async function checkNameFree(ctx: Context, spec: ClusterSpec): Promise<void> {
  const engine = await ctx.engine(spec.engine);
  const existing = await (await ctx.docker()).listContainers(engine.naming.containerLabels(spec.name));
  if (existing.length > 0) {
    const how = spec.engine === 'kind' ? `kind delete cluster --name ${spec.name}` : `k3d cluster delete ${spec.name}`;
    throw new ConflictError(
      'cluster-exists',
      `a ${spec.engine} cluster named "${spec.name}" already exists in Docker (${existing.map((c) => c.name).join(', ')}) and kindling has no record of it`,
      `choose another --name, or delete it with \`${how}\` if you no longer need it`,
    );
  }
}

/** The preflight action. */
export const preflight: Action<UpState> = {
  id: 'preflight',
  async run(ctx, state) {
    const { spec } = state.plan;
    await checkMountSources(spec);
    checkApiReachable(spec, (await ctx.docker()).endpoint);
    await refuseHostFailures(ctx, spec);
    const engine = await ctx.engine(spec.engine);
    // The engine's version (a process) and Docker's answers are independent: asked at once.
    const [version] = await Promise.all([engine.version(), checkNameFree(ctx, spec)]);
    state.engineVersion = version.version;
    ctx.logger.debug(`${spec.engine} ${state.engineVersion}`);
    await checkPorts(ctx, spec);
  },
};
