// Connects the registry to a cluster's network and, on kind, writes each node's containerd hosts.toml
// (kind's local-registry recipe; k3d gets registries.yaml from its config).
import type { Context } from '../context.js';
import { EngineFailedError } from '../errors.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import { clusterNetwork, hostsDir, hostsToml } from './registry-network.js';

// A constant script; the folder and the file's content arrive as arguments, never spliced into it.
const WRITE_HOSTS = 'mkdir -p "$1" && printf "%s" "$2" > "$1/hosts.toml"';

/** Connects the registry container to the nodes' network and points every kind node's containerd at it. */
export async function connectRegistry(ctx: Context, spec: ClusterSpec): Promise<void> {
  const r = spec.registry!;
  const docker = await ctx.docker();
  await docker.connectNetwork(clusterNetwork(spec), r.name);
  if (spec.engine !== 'kind') return;
  const engine = await ctx.engine('kind');
  for (const node of await docker.listContainers(engine.naming.containerLabels(spec.name))) {
    if (engine.naming.roleOf(node.labels) === 'external-load-balancer') continue;
    const res = await docker.exec(node.name, ['sh', '-c', WRITE_HOSTS, 'sh', hostsDir(r), hostsToml(r)]);
    if (res.exitCode !== 0) {
      throw new EngineFailedError(`node ${node.name}`, `write ${hostsDir(r)}/hosts.toml`, {
        command: 'docker exec',
        exitCode: res.exitCode,
        stderr: res.output,
      });
    }
  }
}

/** Disconnects the registry from a cluster's own network (k3d removes that network with the cluster). */
export async function disconnectRegistry(ctx: Context, spec: Pick<ClusterSpec, 'engine' | 'name' | 'registry'>): Promise<void> {
  if (!spec.registry || spec.engine === 'kind') return;
  await (await ctx.docker()).disconnectNetwork(clusterNetwork(spec), spec.registry.name);
}
