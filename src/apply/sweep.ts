// Removes what is left of a cluster after its engine deleted it: containers carrying the engine's cluster
// label or kindling's, and the network and volume the engine names after it (only when labelled by it).
import type { Context } from '../context.js';
import { engineNaming } from '../model/engine-naming.js';
import { LABEL_CLUSTER, LABEL_MANAGED } from '../labels.js';
import type { EngineName } from '../presets/schema.js';

/** What a sweep found and removed. */
export interface SweepResult {
  containers: string[];
  networks: string[];
  volumes: string[];
}

/** Removes leftovers of `name`; returns what it removed (empty when the engine cleaned up fully). */
export async function sweepLeftovers(ctx: Context, name: string, engine: EngineName): Promise<SweepResult> {
  const docker = await ctx.docker();
  const naming = engineNaming[engine];
  const [byEngine, byKindling] = await Promise.all([
    docker.listContainers(naming.containerLabels(name)),
    docker.listContainers({ [LABEL_MANAGED]: 'true', [LABEL_CLUSTER]: name }),
  ]);
  const containers = [...new Map([...byEngine, ...byKindling].map((c) => [c.id, c])).values()];
  for (const c of containers) await docker.removeContainer(c.id);
  const engineMark: Record<string, string> = engine === 'k3d' ? { app: 'k3d' } : {};
  const networks: string[] = [];
  for (const net of naming.ownedNetworks(name)) {
    const found = await docker.listNetworks({ name: net, labels: engineMark });
    for (const n of found) {
      await docker.removeNetwork(n.name);
      networks.push(n.name);
    }
  }
  const volumes: string[] = [];
  for (const vol of naming.ownedVolumes(name)) {
    const found = await docker.listVolumes({ name: vol, labels: engineMark });
    for (const v of found) {
      await docker.removeVolume(v.name);
      volumes.push(v.name);
    }
  }
  // Anonymous volumes of removed containers go with them (removeContainer uses v=true).
  return { containers: containers.map((c) => c.name), networks, volumes };
}
