// The networks check: a Docker network's subnet overlapping a host route that is not Docker's own bridge warns;
// the route of a network's own bridge, Docker's other bridges and the default route never count.
import { describe, expect, it } from 'vitest';
import { networksCheck } from '../../../../src/doctor/checks/networks.js';
import { overlaps, parseCidr } from '../../../../src/doctor/ipv4.js';
import { doctorFixture, FakeHostFacts } from '../../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

function dockerNetworks(): void {
  w.docker.subnets = [
    { name: 'bridge', id: '52ba1f77697f00', driver: 'bridge', bridge: 'docker0', subnets: ['172.17.0.0/16'] },
    { name: 'kind', id: '3d28379cd2c6aa', driver: 'bridge', bridge: 'br-3d28379cd2c6', subnets: ['172.18.0.0/16'] },
    { name: 'host', id: '65a41e03493d00', driver: 'host', subnets: [] },
  ];
}

describe('networks check', () => {
  it("ok: the networks' own bridge routes and the default route do not count", async () => {
    dockerNetworks();
    const host = new FakeHostFacts();
    host.hostRoutes = [
      { iface: 'eth0', cidr: '0.0.0.0/0' },
      { iface: 'docker0', cidr: '172.17.0.0/16' },
      { iface: 'br-3d28379cd2c6', cidr: '172.18.0.0/16' },
      { iface: 'eth0', cidr: '192.168.1.0/24' },
    ];
    expect(await networksCheck.run(doctorFixture(w, { host }))).toEqual({
      status: 'ok',
      detail: 'no overlap (2 subnets of 3 networks, 1 host route)',
    });
  });

  it('warns when a VPN route covers the kind network, naming both', async () => {
    dockerNetworks();
    const host = new FakeHostFacts();
    host.hostRoutes = [{ iface: 'wg0', cidr: '172.16.0.0/12' }];
    const r = await networksCheck.run(doctorFixture(w, { host }));
    expect(r.status).toBe('warn');
    expect(r.detail).toBe('bridge 172.17.0.0/16 overlaps 172.16.0.0/12 on wg0; kind 172.18.0.0/16 overlaps 172.16.0.0/12 on wg0');
    expect(r.fix).toContain('default-address-pools');
    expect(networksCheck.blocking).toBe(false);
  });

  it('IPv4 ranges: containment and adjacency', () => {
    const r = (c: string) => parseCidr(c)!;
    expect(overlaps(r('10.0.0.0/8'), r('10.213.0.0/24'))).toBe(true);
    expect(overlaps(r('172.18.0.0/16'), r('172.19.0.0/16'))).toBe(false);
    expect(parseCidr('172.18.5.0/16')).toMatchObject({ first: parseCidr('172.18.0.0/16')!.first });
    expect(parseCidr('fd00::/64')).toBeUndefined();
  });
});
