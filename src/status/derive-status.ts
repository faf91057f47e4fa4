// The pure rule that derives a cluster's status (src/model/cluster-status.ts) from what Docker holds, the
// stored intent and the lock. Reads never crash on a cluster deleted behind kindling's back: it is `missing`.
import type { ContainerInfo } from '../runtime/docker-client.js';
import { apiEndpoint, type ClusterStatus, type NodeStatus, type Phase } from '../model/cluster-status.js';
import type { EngineNaming } from '../model/engine-naming.js';
import type { EngineName } from '../presets/schema.js';
import type { LockInfo } from '../state/state-store.js';

/** Inputs of the phase rule. */
export interface ObservedInputs {
  name: string;
  engine: EngineName;
  naming: EngineNaming;
  /** The context name when the preset renamed it (else the engine's). */
  context?: string;
  containers: readonly ContainerInfo[];
  /** The host of the Docker engine when it is another machine (its published ports are there, not on 127.0.0.1). */
  dockerHost?: string;
  lock: LockInfo | undefined;
  lockLive: boolean;
  previous: ClusterStatus | undefined;
  now: Date;
}

// The operations that create or delete a cluster; any other (stop, start) leaves its containers' phase readable.
const LIFE_AND_DEATH = ['up', 'down'];

function containerPhase(i: ObservedInputs, nodes: readonly NodeStatus[]): { phase: Phase; message?: string } {
  if (nodes.length === 0) {
    if (i.previous?.phase === 'failed') return { phase: 'failed', message: i.previous.message ?? 'creation failed' };
    return { phase: 'missing', message: 'in the state store, but no container of it exists in Docker (deleted outside kindling?)' };
  }
  const running = nodes.filter((n) => n.state === 'running').length;
  if (running === nodes.length) return { phase: 'running' };
  if (running === 0) return { phase: 'stopped' };
  return { phase: 'degraded', message: `${running} of ${nodes.length} node containers running` };
}

function phaseOf(i: ObservedInputs, nodes: readonly NodeStatus[]): { phase: Phase; message?: string } {
  const lock = i.lock;
  if (lock && !LIFE_AND_DEATH.includes(lock.op)) {
    const seen = containerPhase(i, nodes);
    const note = i.lockLive
      ? `${lock.op} in progress (pid ${lock.pid} on ${lock.host})`
      : `an interrupted "${lock.op}" (pid ${lock.pid} on ${lock.host}, started ${lock.started}): run \`kindling ${lock.op} ${i.name}\` again`;
    return { phase: seen.phase, message: note };
  }
  if (lock && i.lockLive)
    return {
      phase: lock.op === 'down' ? 'deleting' : 'creating',
      message: `${lock.op} in progress (pid ${lock.pid} on ${lock.host})`,
    };
  if (lock && !i.lockLive) {
    return {
      phase: 'failed',
      message: `an interrupted "${lock.op}" (pid ${lock.pid} on ${lock.host}, started ${lock.started}) left it half-done: run \`kindling down ${i.name}\``,
    };
  }
  return containerPhase(i, nodes);
}

/** Derives the status from observations. Pure. */
export function deriveStatus(i: ObservedInputs): ClusterStatus {
  // k3d's tools container is transient and not a node.
  const nodeContainers = i.containers.filter((c) => i.naming.roleOf(c.labels) !== 'noRole');
  const nodes = nodeContainers
    .map((c) => ({ name: c.name, role: i.naming.roleOf(c.labels), state: c.state, image: c.image }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const { phase, message } = phaseOf(i, nodes);
  const api = apiEndpoint(nodeContainers, i.dockerHost);
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
