// Connects the registry containers a cluster pulls from (its local registry, its image cache) to the cluster's
// network and, on kind, writes each node's containerd hosts.toml (kind's local-registry recipe; k3d gets
// registries.yaml from its config).
import type { Context } from '../context.js';
import { hostsDir, hostsToml, mirrorsOf } from '../engines/mirrors.js';
import { EngineFailedError } from '../errors.js';
import { registryContainers, type ClusterSpec } from '../model/cluster-spec.js';
import { clusterNetwork } from './registry-network.js';

// A constant script; the folder and the file's content arrive as arguments, never spliced into it.
const WRITE_HOSTS = 'mkdir -p "$1" && printf "%s" "$2" > "$1/hosts.toml"';

/** Connects the registry containers to the nodes' network and points every kind node's containerd at them. */
export async function connectRegistry(ctx: Context, spec: ClusterSpec): Promise<void> {
  const docker = await ctx.docker();
  for (const name of registryContainers(spec)) await docker.connectNetwork(clusterNetwork(spec), name);
  if (spec.engine !== 'kind') return;
  const engine = await ctx.engine('kind');
  for (const node of await docker.listContainers(engine.naming.containerLabels(spec.name))) {
    if (engine.naming.roleOf(node.labels) === 'external-load-balancer') continue;
    for (const mirror of mirrorsOf(spec)) {
      const res = await docker.exec(node.name, ['sh', '-c', WRITE_HOSTS, 'sh', hostsDir(mirror), hostsToml(mirror)]);
      if (res.exitCode !== 0) {
        throw new EngineFailedError(`node ${node.name}`, `write ${hostsDir(mirror)}/hosts.toml`, {
          command: 'docker exec',
          exitCode: res.exitCode,
          stderr: res.output,
        });
      }
    }
  }
}

/** Disconnects the registry containers from a cluster's own network (k3d removes that network with the cluster). */
export async function disconnectRegistry(
  ctx: Context,
  spec: Pick<ClusterSpec, 'engine' | 'name' | 'registry' | 'imageCache'>,
): Promise<void> {
  if (spec.engine === 'kind') return;
  const docker = await ctx.docker();
  for (const name of registryContainers(spec)) await docker.disconnectNetwork(clusterNetwork(spec), name);
}
