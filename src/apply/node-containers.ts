// A cluster's node containers in the order an operation must touch them: `stop` takes the load balancer
// away first and workers last; `start` brings control planes back first and the load balancer last.
import type { Context } from '../context.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import { engineNaming } from '../model/engine-naming.js';
import type { ContainerInfo } from '../runtime/docker-client.js';

const LOAD_BALANCERS = ['external-load-balancer', 'loadbalancer'];
const CONTROL_PLANES = ['control-plane', 'server'];

function rank(role: string): number {
  if (LOAD_BALANCERS.includes(role)) return 0;
  if (CONTROL_PLANES.includes(role)) return 1;
  return 2;
}

/** A node container and its role. */
export interface NodeContainer {
  container: ContainerInfo;
  role: string;
}

/** The cluster's node containers (not k3d's transient tools container), load balancer first, then control
 * planes, then workers, each group by name. */
export async function nodeContainers(ctx: Context, spec: Pick<ClusterSpec, 'name' | 'engine'>): Promise<NodeContainer[]> {
  const naming = engineNaming[spec.engine];
  const found = await (await ctx.docker()).listContainers(naming.containerLabels(spec.name));
  return found
    .map((container) => ({ container, role: naming.roleOf(container.labels) }))
    .filter((n) => n.role !== 'noRole')
    .sort((a, b) => rank(a.role) - rank(b.role) || a.container.name.localeCompare(b.container.name));
}

/** The order `start` uses: control planes, workers, then the load balancer. */
export function startOrder(nodes: readonly NodeContainer[]): NodeContainer[] {
  return [...nodes.filter((n) => rank(n.role) > 0), ...nodes.filter((n) => rank(n.role) === 0)];
}
