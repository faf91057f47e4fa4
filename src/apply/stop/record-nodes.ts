// Before anything stops: each node's container id, its address on the nodes' network and its published
// ports go to the store (record `nodes`), so that `start` can give every node its address back.
import { engineNaming } from '../../model/engine-naming.js';
import { apiEndpoint } from '../../model/cluster-status.js';
import { NODES_RECORD, type NodeRecord, type StoppedNodes } from '../../model/node-record.js';
import type { Action } from '../action.js';
import { nodeContainers } from '../node-containers.js';
import type { StopState } from './stop-state.js';

/** The record-nodes step. A node already stopped keeps the address recorded by the last stop. */
export const recordNodes: Action<StopState> = {
  id: 'record-nodes',
  async run(ctx, state) {
    const { spec } = state;
    const docker = await ctx.docker();
    const network = engineNaming[spec.engine].nodeNetwork(spec.name);
    const earlier = await ctx.store.readRecord<StoppedNodes>(spec.name, NODES_RECORD);
    const containers = await nodeContainers(ctx, spec);
    const nodes: NodeRecord[] = [];
    for (const { container, role } of containers) {
      const endpoint = await docker.networkEndpoint(container.name, network);
      const ipv4 = endpoint?.ipv4 || earlier?.nodes.find((n) => n.name === container.name)?.ipv4 || endpoint?.pinned || '';
      nodes.push({ name: container.name, id: container.id, role, network, ipv4, ports: container.ports });
    }
    const apiServer = apiEndpoint(containers.map((n) => n.container))?.url ?? earlier?.apiServer;
    const record: StoppedNodes = { ...(apiServer ? { apiServer } : {}), nodes };
    await ctx.store.writeRecord(spec.name, NODES_RECORD, record);
    state.nodes = nodes;
  },
};
