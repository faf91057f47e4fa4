// The nodes of a multi-node kind cluster get the addresses they had before the stop: Docker hands out
// addresses anew at start, and a node whose address changed breaks its cluster (its kubelet and kubeadm
// config name the old one; kind#1689, #2045). If a running container holds a recorded address, nothing is
// started and the error names the holder. Each stopped node is pinned to its address where Docker allows it:
// only on a network whose IPv4 subnet was configured when it was made, which kind does not do for `kind`
// (it configures only the IPv6 one); there Docker's usual order is relied on and observe-started checks.
import { ConflictError } from '../../errors.js';
import { NODES_RECORD, type NodeRecord, type StoppedNodes } from '../../model/node-record.js';
import type { Action } from '../action.js';
import { nodeContainers } from '../node-containers.js';
import type { StartState } from './start-state.js';

/** Docker's refusal to pin an address on a network whose subnet it chose itself. */
const UNPINNABLE = /user specified IP address is supported only when connecting to networks with user configured subnets/;

/** The restore-addresses step (multi-node kind only). */
export const restoreAddresses: Action<StartState> = {
  id: 'restore-addresses',
  async run(ctx, state) {
    const records = (await ctx.store.readRecord<StoppedNodes>(state.spec.name, NODES_RECORD))?.nodes ?? [];
    const docker = await ctx.docker();
    const stopped = (await nodeContainers(ctx, state.spec)).filter((n) => n.container.state !== 'running');
    const wanted = stopped
      .map((n) => ({ node: n.container, record: records.find((r) => r.name === n.container.name) }))
      .filter((w): w is { node: (typeof stopped)[number]['container']; record: NodeRecord } => Boolean(w.record?.ipv4));
    if (wanted.length === 0) return;
    const network = wanted[0]!.record.network;
    const members = await docker.networkMembers(network);
    for (const { node, record } of wanted) {
      const holder = members.find((m) => m.ipv4 === record.ipv4 && m.name !== node.name);
      if (holder) {
        throw new ConflictError(
          'address-taken',
          `node ${node.name} had address ${record.ipv4} on network ${network}, and container "${holder.name}" holds it now`,
          `stop or disconnect "${holder.name}" (docker network disconnect ${network} ${holder.name}), then run start again`,
          { address: record.ipv4, holder: holder.name },
        );
      }
    }
    for (const { node, record } of wanted) {
      const endpoint = await docker.networkEndpoint(node.name, network);
      if (endpoint?.pinned === record.ipv4) continue;
      try {
        await docker.pinAddress(network, node.name, record.ipv4);
        ctx.logger.debug(`pinned ${node.name} to ${record.ipv4} on ${network}`);
      } catch (err) {
        if (!UNPINNABLE.test((err as Error).message)) throw err;
        ctx.logger.info(
          `network ${network} has no configured IPv4 subnet, so Docker cannot pin addresses; the nodes' addresses are checked after the start`,
        );
        return;
      }
    }
  },
};
