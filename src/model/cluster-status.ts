// The observed state of a cluster: what Docker holds for it, its API endpoint and its phase. Stored as
// clusters/<name>/status.json; `list`, `status` and `up` return it.
import type { ContainerInfo } from '../runtime/docker-client.js';
import type { EngineName } from '../presets/schema.js';

/** Lifecycle phases (README "Phases"). `degraded`: some node containers run, others do not; `remote`: made on another
 * machine of the team, whose Docker holds its containers. */
export type Phase = 'creating' | 'running' | 'degraded' | 'stopped' | 'failed' | 'deleting' | 'missing' | 'remote';

/** One node container as Docker reports it. */
export interface NodeStatus {
  name: string;
  role: string;
  state: string;
  image: string;
}

/** Where the API server answers on the host. */
export interface ApiEndpoint {
  host: string;
  port: number;
  url: string;
}

/** What kindling last observed of a cluster. Stored as clusters/<name>/status.json. */
export interface ClusterStatus {
  name: string;
  engine: EngineName;
  phase: Phase;
  observedAt: string;
  context: string;
  apiServer?: ApiEndpoint;
  nodes: NodeStatus[];
  message?: string;
}

/** The container publishing the API (container port 6443): kind's control-plane or LB, k3d's serverlb. */
export function apiEndpoint(containers: readonly ContainerInfo[], wildcardHost = '127.0.0.1'): ApiEndpoint | undefined {
  const ranked = [...containers].sort((a, b) => rank(a) - rank(b));
  for (const c of ranked) {
    const p = c.ports.find((x) => x.containerPort === 6443 && x.protocol === 'tcp');
    if (p) {
      // A wildcard bind is reachable on loopback of the engine's machine (`wildcardHost` from another one); that
      // is the address to hand out.
      const host = ['', '0.0.0.0', '::'].includes(p.hostIp) ? wildcardHost : p.hostIp;
      return { host, port: p.hostPort, url: `https://${host.includes(':') ? `[${host}]` : host}:${p.hostPort}` };
    }
  }
  return undefined;
}

function rank(c: ContainerInfo): number {
  const role = c.labels['io.x-k8s.kind.role'] ?? c.labels['k3d.role'];
  return role === 'external-load-balancer' || role === 'loadbalancer' ? 0 : 1;
}

/** Node containers that are Kubernetes nodes (not kind's or k3d's API load balancer). */
export function kubernetesNodes(nodes: readonly NodeStatus[]): NodeStatus[] {
  return nodes.filter((n) => n.role !== 'loadbalancer' && n.role !== 'external-load-balancer');
}
