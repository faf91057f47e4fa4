// Docker networks whose IPv4 subnets overlap a route of the host that is not Docker's own (a VPN, a LAN, another
// bridge): containers on such a network cannot reach the hosts behind that route, nor they the cluster. Clusters
// still start, so this only warns.
import { overlaps, parseCidr } from '../ipv4.js';
import { ok, warn, type DoctorCheck } from '../check.js';

/** Interfaces Docker makes for its bridge networks, whatever the network. */
const DOCKER_BRIDGE = /^(docker0|br-[0-9a-f]{12})$/;

/** The networks check. */
export const networksCheck: DoctorCheck = {
  id: 'networks',
  title: 'Docker networks vs host routes',
  blocking: false,
  async run(d) {
    const [networks, routes] = await Promise.all([(await d.docker()).listNetworkSubnets(), d.host.routes()]);
    if (!routes) return ok(`not checked: this host has no /proc/net/route (${networks.length} networks)`);
    const bridges = new Set(networks.flatMap((n) => (n.bridge ? [n.bridge] : [])));
    const foreign = routes.filter((r) => !bridges.has(r.iface) && !DOCKER_BRIDGE.test(r.iface) && !r.cidr.endsWith('/0'));
    const clashes: string[] = [];
    for (const n of networks) {
      for (const subnet of n.subnets) {
        const net = parseCidr(subnet);
        for (const r of foreign) {
          const route = parseCidr(r.cidr);
          if (net && route && overlaps(net, route)) clashes.push(`${n.name} ${subnet} overlaps ${r.cidr} on ${r.iface}`);
        }
      }
    }
    const subnets = networks.reduce((a, n) => a + n.subnets.length, 0);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (clashes.length === 0) {
      return ok(
        `no overlap (${plural(subnets, 'subnet')} of ${plural(networks.length, 'network')}, ${plural(foreign.length, 'host route')})`,
      );
    }
    return warn(
      clashes.join('; '),
      'containers on those networks cannot reach the hosts behind that route: remove the network while no container uses it (`docker network rm NAME`; kind and k3d make theirs again) and give Docker address pools clear of your routes ("default-address-pools" in /etc/docker/daemon.json)',
    );
  },
};
