// A cluster with workers and a host port mapping, for each engine: the right node containers exist, the
// port is published on 127.0.0.1 to the right container port, and down leaves nothing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { clusterObjects, inspect, mountedVolumes } from '../support/integration/docker-probe.js';
import { freePort, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const cases = [
  {
    engine: 'kind' as const,
    image: IMAGES.api.kind,
    nodes: (n: string) => [`${n}-control-plane`, `${n}-worker`, `${n}-worker2`],
    portHolder: (n: string) => `${n}-control-plane`,
  },
  {
    engine: 'k3d' as const,
    image: IMAGES.api.k3d,
    nodes: (n: string) => [`k3d-${n}-agent-0`, `k3d-${n}-agent-1`, `k3d-${n}-server-0`, `k3d-${n}-serverlb`],
    portHolder: (n: string) => `k3d-${n}-serverlb`,
  },
];

describeIntegration.each(cases)('$engine: two workers and a port mapping', ({ engine, image, nodes, portHolder }) => {
  let sb: Sandbox;
  const name = uniqueName(`multi-${engine}`);
  let volumes: string[] = [];
  beforeEach(async () => {
    sb = await sandbox();
  });
  afterEach(async () => {
    await sb.cli('down', name, '--yes');
    expect(await clusterObjects(name, engine, volumes)).toEqual({ containers: [], networks: [], volumes: [] });
    await sb.cleanup();
  });

  it('creates every node and publishes the port on 127.0.0.1', async () => {
    const port = await freePort();
    const r = await sb.cli(
      'up',
      '--preset',
      engine,
      '--name',
      name,
      '--image',
      image,
      '--workers',
      '2',
      '--port',
      `${port}:80`,
      '-o',
      'json',
    );
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    expect((await clusterObjects(name, engine)).containers).toEqual(nodes(name));
    volumes = await mountedVolumes(name, engine);
    const published = (await inspect(portHolder(name))).NetworkSettings.Ports?.['80/tcp'];
    expect(published).toEqual([{ HostIp: '127.0.0.1', HostPort: String(port) }]);

    const status = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout);
    expect(status.phase).toBe('running');
    expect(status.nodes.map((n: { role: string }) => n.role).sort()).toEqual(
      engine === 'kind' ? ['control-plane', 'worker', 'worker'] : ['agent', 'agent', 'loadbalancer', 'server'],
    );
  });
});
