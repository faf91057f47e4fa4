// The observed state of a cluster, and the pure rule that derives its phase from what Docker holds, the
// stored intent and the lock. Reads never crash on a cluster deleted behind kindling's back: it is `missing`.
import type { ContainerInfo } from '../runtime/docker-client.js';
import type { EngineNaming } from '../engines/naming.js';
import type { EngineName } from '../presets/schema.js';
import type { LockInfo } from '../state/state-store.js';

/** Lifecycle phases (README "Phases"). `degraded`: some node containers run, others do not. */
export type Phase = 'creating' | 'running' | 'degraded' | 'stopped' | 'failed' | 'deleting' | 'missing';

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
export function apiEndpoint(containers: readonly ContainerInfo[]): ApiEndpoint | undefined {
  const ranked = [...containers].sort((a, b) => rank(a) - rank(b));
  for (const c of ranked) {
    const p = c.ports.find((x) => x.containerPort === 6443 && x.protocol === 'tcp');
    if (p) {
      // A wildcard bind is reachable on loopback; that is the address to hand out.
      const host = ['', '0.0.0.0', '::'].includes(p.hostIp) ? '127.0.0.1' : p.hostIp;
      return { host, port: p.hostPort, url: `https://${host}:${p.hostPort}` };
    }
  }
  return undefined;
}

function rank(c: ContainerInfo): number {
  const role = c.labels['io.x-k8s.kind.role'] ?? c.labels['k3d.role'];
  return role === 'external-load-balancer' || role === 'loadbalancer' ? 0 : 1;
}

/** Inputs of the phase rule. */
export interface ObservedInputs {
  name: string;
  engine: EngineName;
  naming: EngineNaming;
  /** The context name when the preset renamed it (else the engine's). */
  context?: string;
  containers: readonly ContainerInfo[];
  lock: LockInfo | undefined;
  lockLive: boolean;
  previous: ClusterStatus | undefined;
  now: Date;
}

function phaseOf(i: ObservedInputs, nodes: readonly NodeStatus[]): { phase: Phase; message?: string } {
  if (i.lock && i.lockLive) return { phase: i.lock.op === 'down' ? 'deleting' : 'creating', message: `${i.lock.op} in progress (pid ${i.lock.pid} on ${i.lock.host})` };
  if (i.lock && !i.lockLive) {
    return { phase: 'failed', message: `an interrupted "${i.lock.op}" (pid ${i.lock.pid} on ${i.lock.host}, started ${i.lock.started}) left it half-done: run \`kindling down ${i.name}\`` };
  }
  if (nodes.length === 0) {
    if (i.previous?.phase === 'failed') return { phase: 'failed', message: i.previous.message ?? 'creation failed' };
    return { phase: 'missing', message: 'in the state store, but no container of it exists in Docker (deleted outside kindling?)' };
  }
  const running = nodes.filter((n) => n.state === 'running').length;
  if (running === nodes.length) return { phase: 'running' };
  if (running === 0) return { phase: 'stopped' };
  return { phase: 'degraded', message: `${running} of ${nodes.length} node containers running` };
}

/** Derives the status from observations. Pure. */
export function deriveStatus(i: ObservedInputs): ClusterStatus {
  // k3d's tools container is transient and not a node.
  const nodeContainers = i.containers.filter((c) => i.naming.roleOf(c.labels) !== 'noRole');
  const nodes = nodeContainers
    .map((c) => ({ name: c.name, role: i.naming.roleOf(c.labels), state: c.state, image: c.image }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const { phase, message } = phaseOf(i, nodes);
  const api = apiEndpoint(nodeContainers);
  return {
    name: i.name,
    engine: i.engine,
    phase,
    observedAt: i.now.toISOString(),
    context: i.context ?? i.naming.contextName(i.name),
    ...(api ? { apiServer: api } : {}),
    nodes,
    ...(message ? { message } : {}),
  };
}

/** Node containers that are Kubernetes nodes (not kind's or k3d's API load balancer). */
export function kubernetesNodes(nodes: readonly NodeStatus[]): NodeStatus[] {
  return nodes.filter((n) => n.role !== 'loadbalancer' && n.role !== 'external-load-balancer');
}
