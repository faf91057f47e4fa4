// The Engine API answers doctor reads, mapped: GET /info, GET /networks, and a container's memory from its stats.
import { describe, expect, it } from 'vitest';
import { dockerInfoFrom, memoryInUse, networkSubnetsFrom } from '../../../src/runtime/docker-info.js';

describe('dockerInfoFrom', () => {
  it('Docker 20.10 with overlay2 on cgroup v1 (this host)', () => {
    expect(
      dockerInfoFrom({
        ServerVersion: '20.10.24+dfsg1',
        Driver: 'overlay2',
        DriverStatus: [
          ['Backing Filesystem', 'extfs'],
          ['Supports d_type', 'true'],
        ],
        CgroupVersion: '1',
        MemTotal: 25276194816,
        DockerRootDir: '/var/lib/docker',
        OperatingSystem: 'Debian GNU/Linux 12 (bookworm)',
      }),
    ).toEqual({
      serverVersion: '20.10.24+dfsg1',
      driver: 'overlay2',
      containerdImageStore: false,
      cgroupVersion: '1',
      memTotal: 25276194816,
      rootDir: '/var/lib/docker',
      operatingSystem: 'Debian GNU/Linux 12 (bookworm)',
    });
  });

  it('the containerd image store: overlayfs with driver-type io.containerd.snapshotter.v1; podman says v2', () => {
    const info = dockerInfoFrom({
      Driver: 'overlayfs',
      DriverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
      CgroupVersion: 'v2',
    });
    expect(info).toMatchObject({ driver: 'overlayfs', containerdImageStore: true, cgroupVersion: '2', serverVersion: '', memTotal: 0 });
  });
});

describe('networkSubnetsFrom', () => {
  it('a bridge: its bridge.name option, else br-<12 of the id>; IPv6 subnets left out', () => {
    expect(
      networkSubnetsFrom({
        Name: 'bridge',
        Id: '52ba1f77697fabcdef',
        Driver: 'bridge',
        Options: { 'com.docker.network.bridge.name': 'docker0' },
        IPAM: { Config: [{ Subnet: '172.17.0.0/16' }] },
      }),
    ).toEqual({ name: 'bridge', id: '52ba1f77697fabcdef', driver: 'bridge', bridge: 'docker0', subnets: ['172.17.0.0/16'] });
    expect(
      networkSubnetsFrom({
        Name: 'kind',
        Id: '3d28379cd2c6ffff',
        Driver: 'bridge',
        IPAM: { Config: [{ Subnet: 'fc00:f853:ccd:e793::/64' }, { Subnet: '172.18.0.0/16' }] },
      }),
    ).toMatchObject({ bridge: 'br-3d28379cd2c6', subnets: ['172.18.0.0/16'] });
    expect(networkSubnetsFrom({ Name: 'host', Id: 'x', Driver: 'host', IPAM: { Config: [] } })).toEqual({
      name: 'host',
      id: 'x',
      driver: 'host',
      subnets: [],
    });
  });
});

describe('memoryInUse', () => {
  it('cgroup v1: usage minus total_inactive_file; cgroup v2: minus inactive_file; stopped: 0', () => {
    expect(memoryInUse({ usage: 1000, stats: { total_inactive_file: 300, inactive_file: 100 } })).toBe(700);
    expect(memoryInUse({ usage: 1000, stats: { inactive_file: 250 } })).toBe(750);
    expect(memoryInUse({ usage: 1000, stats: { inactive_file: 5000 } })).toBe(1000);
    expect(memoryInUse({})).toBe(0);
    expect(memoryInUse(undefined)).toBe(0);
  });
});
