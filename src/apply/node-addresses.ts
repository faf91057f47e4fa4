// Node addresses on the shared `kind` network: pinned where Docker allows it (a network whose IPv4 subnet was
// configured when it was made, as kindling makes it), so that a node started again gets its own address back
// and not one that a node of another cluster, started first, was given in the meantime.
import type { Context } from '../context.js';
import type { NodeRecord } from '../model/node-record.js';

/** Docker's refusal to pin an address on a network whose subnet it chose itself. */
const UNPINNABLE = /user specified IP address is supported only when connecting to networks with user configured subnets/;

/** Pins each stopped node to its recorded address (already pinned ones are left); false when the network
 * cannot pin addresses at all. */
export async function pinAddresses(ctx: Context, records: readonly NodeRecord[]): Promise<boolean> {
  const docker = await ctx.docker();
  for (const r of records.filter((x) => x.ipv4)) {
    const endpoint = await docker.networkEndpoint(r.name, r.network);
    if (endpoint?.pinned === r.ipv4) continue;
    try {
      await docker.pinAddress(r.network, r.name, r.ipv4);
      ctx.logger.debug(`pinned ${r.name} to ${r.ipv4} on ${r.network}`);
    } catch (err) {
      if (!UNPINNABLE.test((err as Error).message)) throw err;
      ctx.logger.info(
        `network ${r.network} has no configured IPv4 subnet, so Docker cannot keep node addresses; they are checked after the start`,
      );
      return false;
    }
  }
  return true;
}

/** Lets Docker choose the node's address again (attached without a pinned one). */
export async function releaseAddress(ctx: Context, record: NodeRecord): Promise<void> {
  const docker = await ctx.docker();
  await docker.disconnectNetwork(record.network, record.name);
  await docker.connectNetwork(record.network, record.name);
}
