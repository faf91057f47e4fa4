// kind attaches every node to one shared network, `kind`, and makes it when missing, with only an IPv6 subnet
// configured: Docker then chooses the IPv4 one and refuses to pin addresses on it, so a multi-node kind
// cluster cannot keep its node addresses across a stop or a Docker restart (kind#1689, #2045). When the
// network is missing, kindling makes it first, as kind would (a bridge with IP masquerading) but with an
// IPv4 subnet of its own choosing, one this host does not route yet; kind then uses it. An existing network is left as it is; it is shared by
// every kind cluster, so kindling never removes it.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { overlaps, parseCidr } from '../../doctor/ipv4.js';
import { withFileLock } from '../../runtime/file-lock.js';
import { engineNaming } from '../../model/engine-naming.js';
import type { Action } from '../action.js';
import type { UpState } from './up-state.js';

/** The private /16s tried in turn, the first Docker accepts being used (172.18 is where kind usually lands). */
export const KIND_SUBNETS = [
  ...Array.from({ length: 14 }, (_, i) => `172.${18 + i}.0.0/16`),
  ...Array.from({ length: 16 }, (_, i) => `192.168.${i * 16}.0/20`),
];

async function create(ctx: Context, name: string): Promise<string> {
  const docker = await ctx.docker();
  // Docker checks a new subnet against its own networks only: another engine on this host (a second dockerd,
  // a rootless one) may route it already, and two bridges for one range break the traffic to published ports.
  const routed = (await ctx.hostRoutes()).map(parseCidr).filter((r) => r !== undefined);
  for (const subnet of KIND_SUBNETS) {
    const range = parseCidr(subnet)!;
    if (routed.some((r) => overlaps(r, range))) continue;
    try {
      await docker.createNetwork({ name, subnet, options: { 'com.docker.network.bridge.enable_ip_masquerade': 'true' }, labels: {} });
      return subnet;
    } catch (err) {
      const message = (err as Error).message;
      if (/overlap/i.test(message)) continue;
      // Another `up` made it at the same moment: theirs serves as well.
      if (/already exists/i.test(message)) return '';
      throw err;
    }
  }
  throw new Error(`no free subnet for network ${name} among ${KIND_SUBNETS[0]} ... ${KIND_SUBNETS.at(-1)}`);
}

/** The ensure-network step (kind only). */
export const ensureNetwork: Action<UpState> = {
  id: 'ensure-network',
  async run(ctx, state) {
    const name = engineNaming.kind.nodeNetwork(state.plan.spec.name);
    const docker = await ctx.docker();
    if ((await docker.listNetworks({ name })).length > 0) return;
    // Parallel `up`s on one machine would each make a `kind` network (Docker's duplicate check races), and
    // kind refuses a name that two networks carry: the check and the creation happen under one lock.
    const subnet = await withFileLock(join(ctx.env.TMPDIR ?? tmpdir(), 'kindling-kind-network'), async () =>
      (await docker.listNetworks({ name })).length > 0 ? '' : create(ctx, name),
    );
    if (subnet) ctx.logger.info(`made network ${name} with subnet ${subnet}`);
  },
};
