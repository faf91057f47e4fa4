// The shared image cache against real Docker and the real engines: a second registry:2 (Debian's Distribution
// v2.8) plays the upstream, holding one small image pushed from the host; three clusters (two kind, one k3d)
// are made with `--image-cache <upstream>`; inside each node a real registry pull (manifest, then every blob,
// each checked against its digest) goes to the mirror endpoint read from the file the engine's node reads
// (containerd's certs.d hosts.toml on kind, k3s's registries.yaml on k3d), and the upstream's access log
// counts what reached it. The stand-in nodes run no real containerd, so the pull is made with the node's
// busybox wget over the registry HTTP API, the requests containerd itself would send.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { containersWithLabels, clusterObjects, inspect } from '../support/integration/docker-probe.js';
import {
  firstNode,
  hostsTomlIn,
  importTinyImage,
  mirrorEndpoints,
  pullInNode,
  registryRequests,
} from '../support/integration/node-pull.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, freePort, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const REPO = 'kindling-it/tiny';
const TAG = '1';
const docker = (...args: string[]) => execa('docker', args, { reject: false });

/** The upstream's requests for the test image, from its access log. */
const upstreamRequests = (container: string) => registryRequests(container, REPO);

describeIntegration('one image cache for every cluster', () => {
  let sb: Sandbox;
  const run = randomBytes(3).toString('hex');
  const upstream = `kindling-it-upstream-${run}`;
  const cache = `kindling-it-cache-${run}`;
  const clusters = [
    { name: uniqueName('ic-kind-a'), engine: 'kind' as const },
    { name: uniqueName('ic-kind-b'), engine: 'kind' as const },
    { name: uniqueName('ic-k3d'), engine: 'k3d' as const },
  ];
  const live = new Set<string>();
  let upstreamUrl = '';
  let mirrorOf = '';
  let cachePort = 0;
  let pushed = '';

  beforeAll(async () => {
    sb = await sandbox();
    const port = await freePort();
    const started = await docker('run', '-d', '--name', upstream, '-p', `127.0.0.1:${port}:5000`, 'registry:2');
    expect(started.exitCode, started.stderr).toBe(0);
    // The cache reaches the upstream on Docker's default bridge, where both run.
    const ip = (
      await execa('docker', ['inspect', '-f', '{{(index .NetworkSettings.Networks "bridge").IPAddress}}', upstream])
    ).stdout.trim();
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    upstreamUrl = `http://${ip}:5000`;
    mirrorOf = `${ip}:5000`;
    // A one-file image made here (no pull), pushed from the host to the upstream (127.0.0.1 is an insecure registry to Docker).
    pushed = `127.0.0.1:${port}/${REPO}:${TAG}`;
    await importTinyImage(pushed, `kindling image cache ${run}\n`);
    const push = await docker('push', pushed);
    expect(push.exitCode, push.stderr).toBe(0);
    cachePort = await freePort();
  });

  afterAll(async () => {
    for (const c of clusters)
      if (live.has(c.name) && (await sb.cli('down', c.name, '--yes')).code !== 0) await forceDelete(sb, c.name, c.engine);
    for (const c of clusters) expect(await clusterObjects(c.name, c.engine)).toEqual({ containers: [], networks: [], volumes: [] });
    await docker('rm', '-f', cache);
    await docker('rm', '-f', upstream);
    if (pushed) await docker('rmi', pushed);
    await sb.cleanup();
  });

  const up = async (c: (typeof clusters)[number]) => {
    live.add(c.name);
    const image = c.engine === 'kind' ? IMAGES.noApi.kind : IMAGES.noApi.k3d;
    const r = await sb.cli(
      'up',
      '--preset',
      c.engine,
      '--name',
      c.name,
      '--image',
      image,
      '--image-cache',
      upstreamUrl,
      '--set',
      `imageCache.name=${cache}`,
      '--set',
      `imageCache.hostPort=${cachePort}`,
      '--no-merge',
    );
    expect(r.code, r.stderr).toBe(0);
  };

  const nodeOf = (c: (typeof clusters)[number]) => firstNode(c.name, c.engine);

  /** The mirror endpoint for the upstream's host, from the file the engine wrote into the node. */
  const mirrorEndpoint = async (c: (typeof clusters)[number]): Promise<string> => {
    if (c.engine === 'kind') {
      const hosts = await hostsTomlIn(nodeOf(c), mirrorOf);
      expect(hosts).toContain(`server = "${upstreamUrl}"`);
      expect(hosts).toContain('capabilities = ["pull", "resolve"]');
    }
    return (await mirrorEndpoints(nodeOf(c), c.engine, mirrorOf))[0]!;
  };

  it('serves every cluster from one cache: only the first pull reaches the upstream', async () => {
    const before = await upstreamRequests(upstream);
    const counts: { cluster: string; byTag: typeof before; byDigest?: typeof before }[] = [];
    let digest = '';
    for (const [i, c] of clusters.entries()) {
      await up(c);
      // One cache container, bound to 127.0.0.1, in proxy mode for this upstream, on this cluster's network.
      const caches = await containersWithLabels({ 'dev.kindling.registry': cache });
      expect(caches.map((x) => x.Names[0])).toEqual([`/${cache}`]);
      const info = await inspect(cache);
      expect(info.HostConfig.PortBindings['5000/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(cachePort) }]);
      expect(info.Config.Env).toContain(`REGISTRY_PROXY_REMOTEURL=${upstreamUrl}`);
      expect(Object.keys(info.NetworkSettings.Networks)).toContain(c.engine === 'kind' ? 'kind' : `k3d-${c.name}`);

      const endpoint = await mirrorEndpoint(c);
      expect(endpoint).toBe(`http://${cache}:5000`);
      const node = nodeOf(c);
      const got = await pullInNode(node, endpoint, REPO, TAG);
      if (i === 0) digest = got;
      expect(got).toBe(digest);
      const byTag = await upstreamRequests(upstream);
      const entry: (typeof counts)[number] = { cluster: c.name, byTag };
      if (i > 0) {
        await pullInNode(node, endpoint, REPO, digest);
        entry.byDigest = await upstreamRequests(upstream);
      }
      counts.push(entry);
    }
    console.log(JSON.stringify({ before, counts }, null, 2));
    const [first, second, third] = counts;
    // The first cluster's pull reached the upstream: the manifest and every blob.
    expect(first!.byTag.manifestGets).toBeGreaterThan(before.manifestGets);
    expect(first!.byTag.blobGets).toBeGreaterThan(before.blobGets);
    // The later clusters' pulls took no manifest or blob from the upstream: the content came from the cache.
    // A pull by tag still has the cache ask the upstream what the tag points to now (a HEAD, no content:
    // Distribution's proxy re-checks tags, so `:latest` stays current); a pull by digest asks nothing at all.
    for (const later of [second!, third!]) {
      expect(later.byTag.manifestGets).toBe(first!.byTag.manifestGets);
      expect(later.byTag.blobGets).toBe(first!.byTag.blobGets);
      expect(later.byDigest).toEqual(later.byTag);
    }
  });

  it('is left alone while a cluster uses it, prune drops a lost user, and the last down removes it', async () => {
    const [a, b, k3d] = clusters;
    expect((await sb.cli('down', a!.name, '--yes')).code).toBe(0);
    live.delete(a!.name);
    expect(await containersWithLabels({ 'dev.kindling.registry': cache })).toHaveLength(1);
    const registryRecord = async () => JSON.parse(await readFile(join(sb.state, 'registries', `${cache}.json`), 'utf8'));
    expect((await registryRecord()).users).toEqual([b!.name, k3d!.name].sort());

    // The store loses the k3d cluster: prune removes its objects, detaches the cache from its network, drops it as a user.
    await rm(join(sb.state, 'clusters', k3d!.name), { recursive: true });
    const prune = await sb.cli('prune', k3d!.name, '-o', 'json');
    expect(prune.code, prune.stderr).toBe(0);
    live.delete(k3d!.name);
    expect(await clusterObjects(k3d!.name, 'k3d')).toEqual({ containers: [], networks: [], volumes: [] });
    expect(await containersWithLabels({ 'dev.kindling.registry': cache })).toHaveLength(1);
    expect((await registryRecord()).users).toEqual([b!.name]);

    expect((await sb.cli('down', b!.name, '--yes')).code).toBe(0);
    live.delete(b!.name);
    expect(await containersWithLabels({ 'dev.kindling.registry': cache })).toEqual([]);
  });
});
