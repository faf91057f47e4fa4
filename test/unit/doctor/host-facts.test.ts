// The host facts reader over a fixture /proc tree, and the parsers of /proc/net/route and /proc/meminfo.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { procHostFacts } from '../../../src/doctor/host-facts.js';
import { parseMeminfo, parseRoutes } from '../../../src/doctor/proc-files.js';
import { useTempDir } from '../../support/unit/temp-dirs.js';

let dir: string;
useTempDir((made) => {
  dir = made;
});

// As the kernel prints it (this machine's, trimmed): eth0 default, a bridge, docker0 and a down route.
const ROUTES = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
kl2docker0\t0000D50A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
wg0\t0000000A\t00000000\t0000\t0\t0\t0\t000000FF\t0\t0\t0
`;

const MEMINFO = 'MemTotal:       24683784 kB\nMemFree:         1000000 kB\nMemAvailable:   24093068 kB\n';

describe('parsers', () => {
  it('routes that are up, as a.b.c.d/n with their interface', () => {
    expect(parseRoutes(ROUTES)).toEqual([
      { iface: 'eth0', cidr: '0.0.0.0/0' },
      { iface: 'kl2docker0', cidr: '10.213.0.0/24' },
      { iface: 'docker0', cidr: '172.17.0.0/16' },
    ]);
  });

  it('MemAvailable and MemTotal in bytes; undefined without MemAvailable', () => {
    expect(parseMeminfo(MEMINFO)).toEqual({ available: 24093068 * 1024, total: 24683784 * 1024 });
    expect(parseMeminfo('MemTotal: 100 kB\n')).toBeUndefined();
  });
});

describe('procHostFacts', () => {
  it('reads inotify limits, routes and memory under its root', async () => {
    await mkdir(join(dir, 'proc', 'sys', 'fs', 'inotify'), { recursive: true });
    await mkdir(join(dir, 'proc', 'net'), { recursive: true });
    await writeFile(join(dir, 'proc', 'sys', 'fs', 'inotify', 'max_user_watches'), '192540\n');
    await writeFile(join(dir, 'proc', 'sys', 'fs', 'inotify', 'max_user_instances'), '128\n');
    await writeFile(join(dir, 'proc', 'net', 'route'), ROUTES);
    await writeFile(join(dir, 'proc', 'meminfo'), MEMINFO);
    const host = procHostFacts(dir);
    expect(await host.inotify()).toEqual({ maxUserWatches: 192540, maxUserInstances: 128 });
    expect(await host.routes()).toHaveLength(3);
    expect(await host.memory()).toEqual({ available: 24093068 * 1024, total: 24683784 * 1024 });
  });

  it('without /proc: no inotify, no routes, memory from the os module', async () => {
    const host = procHostFacts(dir);
    expect(await host.inotify()).toBeUndefined();
    expect(await host.routes()).toBeUndefined();
    const mem = await host.memory();
    expect(mem.total).toBeGreaterThan(0);
    expect(mem.available).toBeLessThanOrEqual(mem.total);
  });

  it('disk space of an existing folder; undefined for a missing one', async () => {
    const host = procHostFacts(dir);
    const space = await host.disk(dir);
    expect(space?.path).toBe(dir);
    expect(space!.total).toBeGreaterThanOrEqual(space!.free);
    expect(await host.disk(join(dir, 'missing'))).toBeUndefined();
  });
});
