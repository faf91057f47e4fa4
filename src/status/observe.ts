// Reconciles the store with Docker: reads a cluster's containers by the engine's labels and derives its
// status. Used by `up` (after create), `list` and `status`.
import type { Context } from '../context.js';
import { engineNaming } from '../model/engine-naming.js';
import type { EngineName } from '../presets/schema.js';
import type { ContainerInfo } from '../runtime/docker-client.js';
import { remoteDockerHost } from '../runtime/docker-endpoint/remote-host.js';
import { deriveStatus } from './derive-status.js';
import type { ClusterStatus } from '../model/cluster-status.js';

/** The cluster's containers, found through the engine's own labels. */
export async function clusterContainers(ctx: Context, name: string, engine: EngineName): Promise<ContainerInfo[]> {
  const docker = await ctx.docker();
  return docker.listContainers(engineNaming[engine].containerLabels(name));
}

/** Observes one cluster now. `containers` may be passed when already listed; `context` when the preset renamed it. */
export async function observeCluster(
  ctx: Context,
  name: string,
  engine: EngineName,
  containers?: ContainerInfo[],
  opts: { ignoreLock?: boolean; context?: string } = {},
): Promise<ClusterStatus> {
  const [found, lock, previous, endpoint] = await Promise.all([
    containers ?? clusterContainers(ctx, name, engine),
    ctx.store.readLock(name),
    ctx.store.readStatus(name),
    // Where Docker is, for the API address on another machine; a Docker that does not answer has no say.
    ctx.docker().then(
      (d) => d.endpoint,
      () => '',
    ),
  ]);
  const dockerHost = remoteDockerHost(endpoint);
  return deriveStatus({
    name,
    engine,
    naming: engineNaming[engine],
    ...(opts.context ? { context: opts.context } : {}),
    containers: found,
    ...(dockerHost ? { dockerHost } : {}),
    lock: opts.ignoreLock ? undefined : lock?.info,
    lockLive: !opts.ignoreLock && (lock?.live ?? false),
    previous,
    now: ctx.now(),
  });
}
