// Where each node of a cluster was when it was stopped: its container, its address on the nodes' network and
// its published ports. `stop` writes it to the store; `start` gives every kind node its address back, so
// that multi-node and HA clusters (whose load balancer and kubeadm config name node addresses) come back.
import type { PublishedPort } from '../runtime/docker-client.js';

/** One node container, as recorded before a stop. */
export interface NodeRecord {
  name: string;
  id: string;
  role: string;
  network: string;
  ipv4: string;
  ports: PublishedPort[];
}

/** What `stop` records: the nodes, and the API server's URL (a stopped container publishes no ports). */
export interface StoppedNodes {
  apiServer?: string;
  nodes: NodeRecord[];
}

/** The state-store record key of a cluster's StoppedNodes. */
export const NODES_RECORD = 'nodes';
