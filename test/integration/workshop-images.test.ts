// A workshop's images, served to every cluster from one local registry: `workshop up --image-preload` of two local
// images (one named for Docker Hub, one for ghcr.io; neither can be pulled here) into 3 kind and, apart, 2 k3d
// clusters with real API servers. The images are pushed once (the registry's access log counts one manifest PUT
// each), every node's containerd hosts.toml (kind) or k3s registries.yaml (k3d) sends docker.io and ghcr.io pulls
// to that registry first, and a registry pull from inside
// each node through that endpoint gets the same image (manifest and blobs checked against their digests; the
// stand-in nodes run no containerd, so the pull is busybox wget over the registry API). `workshop down` removes
// the registry with its last cluster.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { clusterObjects, containersWithLabels, inspect } from '../support/integration/docker-probe.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import {
  firstNode,
  hostsTomlIn,
  importTinyImage,
  mirrorEndpoints,
  pullInNode,
  registryRequests,
} from '../support/integration/node-pull.js';
import { forceDelete, freePort, sandbox, uniqueName } from '../support/integration/sandbox.js';

const CASES = [
  { engine: 'kind' as const, count: 3 },
  { engine: 'k3d' as const, count: 2 },
];

describeIntegration('workshop images: pushed once, served to every cluster by one registry', () => {
  it.each(CASES)(
    '$count $engine clusters: one push per image, each node mirrors docker.io and ghcr.io to the registry and pulls both from it',
    async ({ engine, count }) => {
      const sb = await sandbox();
      const run = randomBytes(3).toString('hex');
      const name = uniqueName(`wi${engine[1]}`).slice(0, 9);
      const clusters = Array.from({ length: count }, (_, i) => `${name}-0${i + 1}`);
      const registry = `kindling-it-reg-${run}`;
      const images = [
        { ref: `kindling-it/app-${run}:1`, host: 'docker.io', repo: `kindling-it/app-${run}`, tag: '1' },
        { ref: `ghcr.io/kindling-it/tool-${run}:2`, host: 'ghcr.io', repo: `kindling-it/tool-${run}`, tag: '2' },
      ];
      const port = await freePort();
      try {
        for (const i of images) await importTinyImage(i.ref, `kindling workshop image ${i.ref}\n`);
        const out = join(sb.dir, 'handouts');
        const up = await sb.cli(
          'workshop',
          'up',
          '--count',
          String(count),
          '--prefix',
          name,
          '--preset',
          engine,
          '--image',
          IMAGES.api[engine],
          '--set',
          `registry.name=${registry}`,
          '--set',
          `registry.hostPort=${port}`,
          ...images.flatMap((i) => ['--image-preload', i.ref]),
          '--parallel',
          String(count),
          '--out',
          out,
          '--wait',
          '3m',
          '-o',
          'json',
        );
        expect(up.code, up.stderr).toBe(0);
        console.log(`[workshop images] up progress:\n${up.stderr}`);
        const result = JSON.parse(up.stdout);
        expect(result.clusters.map((c: { cluster: string; ok: boolean }) => [c.cluster, c.ok])).toEqual(clusters.map((c) => [c, true]));

        // One registry, on 127.0.0.1, every cluster its user; each image pushed once for the three clusters.
        expect((await containersWithLabels({ 'dev.kindling.registry': registry })).map((c) => c.Names[0])).toEqual([`/${registry}`]);
        expect((await inspect(registry)).HostConfig.PortBindings['5000/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(port) }]);
        for (const i of images) {
          const requests = await registryRequests(registry, i.repo);
          console.log(`[workshop images] ${i.ref}: ${JSON.stringify(requests)}`);
          expect(requests.manifestPuts, i.ref).toBe(1);
        }

        const digests = new Map<string, string>();
        for (const c of clusters) {
          const node = firstNode(c, engine);
          for (const i of images) {
            if (engine === 'kind') {
              const hosts = await hostsTomlIn(node, i.host);
              expect(hosts).toContain(`server = "${i.host === 'docker.io' ? 'https://registry-1.docker.io' : `https://${i.host}`}"`);
            }
            const [endpoint] = await mirrorEndpoints(node, engine, i.host);
            expect(endpoint).toBe(`http://${registry}:5000`);
            const digest = await pullInNode(node, endpoint!, i.repo, i.tag);
            if (!digests.has(i.ref)) digests.set(i.ref, digest);
            expect(digest, `${c} ${i.ref}`).toBe(digests.get(i.ref));
          }
        }
        // The pulls were served by the registry (GETs counted there), still with one push each.
        for (const i of images) {
          const requests = await registryRequests(registry, i.repo);
          expect(requests.manifestGets).toBeGreaterThanOrEqual(clusters.length);
          expect(requests.manifestPuts).toBe(1);
        }

        const down = await sb.cli('workshop', 'down', '--yes');
        expect(down.code, down.stderr).toBe(0);
        for (const c of clusters) expect(await clusterObjects(c, engine), c).toEqual({ containers: [], networks: [], volumes: [] });
        expect(await containersWithLabels({ 'dev.kindling.registry': registry })).toEqual([]);
      } finally {
        for (const c of clusters) await forceDelete(sb, c, engine);
        await execa('docker', ['rm', '-f', registry], { reject: false });
        // The images, and the tags the push gave them (the registry's name for them).
        for (const i of images) await execa('docker', ['rmi', '-f', i.ref, `localhost:${port}/${i.repo}:${i.tag}`], { reject: false });
        await sb.cleanup();
      }
    },
    15 * 60_000,
  );
});
