// kind nodes get the address they had before the stop: Docker hands out addresses anew at start, and a node
// of a multi-node cluster whose address changed breaks it (its kubelet and kubeadm config name the old one;
// kind#1689, #2045). If a running container holds a recorded address, a multi-node cluster is not started and
// the error names the holder; a one-node cluster, which refreshes itself after an address change, is let have
// another address. Each node is pinned where Docker allows it (see node-addresses.ts); where it does not (a
// `kind` network that kind made), Docker's own order is relied on and observe-started checks the result.
import { ConflictError } from '../../errors.js';
import { NODES_RECORD, type NodeRecord, type StoppedNodes } from '../../model/node-record.js';
import type { Action } from '../action.js';
import { pinAddresses, releaseAddress } from '../node-addresses.js';
import { nodeContainers } from '../node-containers.js';
import type { StartState } from './start-state.js';

/** The restore-addresses step (kind only). */
export const restoreAddresses: Action<StartState> = {
  id: 'restore-addresses',
  async run(ctx, state) {
    const records = (await ctx.store.readRecord<StoppedNodes>(state.spec.name, NODES_RECORD))?.nodes ?? [];
    const stopped = new Set(
      (await nodeContainers(ctx, state.spec)).filter((n) => n.container.state !== 'running').map((n) => n.container.name),
    );
    const wanted = records.filter((r) => r.ipv4 && stopped.has(r.name));
    if (wanted.length === 0) return;
    const members = await (await ctx.docker()).networkMembers(wanted[0]!.network);
    const multiNode = state.spec.nodes.controlPlanes + state.spec.nodes.workers > 1;
    const free: NodeRecord[] = [];
    for (const r of wanted) {
      const holder = members.find((m) => m.ipv4 === r.ipv4 && m.name !== r.name);
      if (!holder) {
        free.push(r);
      } else if (multiNode) {
        throw new ConflictError(
          'address-taken',
          `node ${r.name} had address ${r.ipv4} on network ${r.network}, and container "${holder.name}" holds it now`,
          `stop or disconnect "${holder.name}" (docker network disconnect ${r.network} ${holder.name}), then run start again`,
          { address: r.ipv4, holder: holder.name },
        );
      } else {
        ctx.logger.info(
          `${r.ipv4} is held by "${holder.name}": ${r.name} comes back at another address (a one-node cluster refreshes itself)`,
        );
        await releaseAddress(ctx, r);
      }
    }
    await pinAddresses(ctx, free);
  },
};
