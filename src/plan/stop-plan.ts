// The pure plans of `stop` and `start`: from the stored spec, the steps in order with their titles.
// `stop --dry-run` and `start --dry-run` print them.
import type { ClusterSpec } from '../model/cluster-spec.js';
import { engineNaming } from '../model/engine-naming.js';
import { waitTitle, type PlannedAction } from './plan.js';

/** The steps `stop` takes, in order; apply/stop/ has one file per id. */
export const STOP_ACTIONS = ['record-nodes', 'stop-nodes', 'pin-addresses', 'observe-stopped'] as const;
/** One stop step's id. */
export type StopActionId = (typeof STOP_ACTIONS)[number];

/** The steps `start` takes, in order; apply/start/ has one file per id. */
export const START_ACTIONS = ['restore-addresses', 'start-nodes', 'observe-started', 'wait-ready'] as const;
/** One start step's id. */
export type StartActionId = (typeof START_ACTIONS)[number];

/** Everything `stop` or `start` will do to one cluster, as data. */
export interface PowerPlan<Id extends string> {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'StopPlan' | 'StartPlan';
  name: string;
  engine: ClusterSpec['engine'];
  actions: PlannedAction<Id>[];
}

/** Plans stopping the cluster `spec` describes. Pure. */
export function planStop(spec: ClusterSpec): PowerPlan<StopActionId> {
  const { name, engine } = spec;
  const titles: Record<StopActionId, string> = {
    'record-nodes': `Record each node's container, address on network ${engineNaming[engine].nodeNetwork(name)} and published ports`,
    'stop-nodes':
      engine === 'kind'
        ? 'Stop the node containers: load balancer, control planes, then workers'
        : `Stop the cluster with k3d cluster stop ${name}`,
    'pin-addresses': 'Pin each node to its address on network kind, so that it gets it back when it starts',
    'observe-stopped': 'Read the cluster back from Docker: every node stopped',
  };
  return {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'StopPlan',
    name,
    engine,
    actions: STOP_ACTIONS.filter((id) => id !== 'pin-addresses' || engine === 'kind').map((id) => ({ id, title: titles[id] })),
  };
}

/** Plans starting it again, waiting up to `waitMs` for readiness (0: no wait). Pure. */
export function planStart(spec: ClusterSpec, waitMs: number): PowerPlan<StartActionId> & { waitMs: number } {
  const { name, engine } = spec;
  // A one-node kind cluster refreshes itself after an address change; with more nodes, addresses must hold.
  const multiNode = spec.nodes.controlPlanes + spec.nodes.workers > 1;
  const titles: Record<StartActionId, string> = {
    'restore-addresses': multiNode
      ? 'Give each node its recorded address on the kind network back (refused, naming it, if another container holds one)'
      : 'Give the node its recorded address on the kind network back (another one if a container holds it: one node refreshes itself)',
    'start-nodes':
      engine === 'kind'
        ? 'Start the node containers: control planes, workers, then the load balancer'
        : `Start the cluster with k3d cluster start ${name}`,
    'observe-started': 'Read the cluster back from Docker: every node running, the API server where it was',
    'wait-ready': waitTitle(spec, waitMs),
  };
  const included = (id: StartActionId) => (id === 'restore-addresses' ? engine === 'kind' : id === 'wait-ready' ? waitMs > 0 : true);
  return {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'StartPlan',
    name,
    engine,
    waitMs,
    actions: START_ACTIONS.filter(included).map((id) => ({ id, title: titles[id] })),
  };
}
