// up -> list -o json -> status -> kubeconfig -> up again -> down, for kind and for k3d, asserting after each
// step what Docker and the state store really hold. The kind case runs on kind v0.32.0 (the rest of the tier
// on v0.33.0), so that both versions users have stay covered.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { clusterObjects, inspect, mountedVolumes } from '../support/integration/docker-probe.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const cases = [
  {
    engine: 'kind' as const,
    image: IMAGES.api.kind,
    nodes: (n: string) => [`${n}-control-plane`],
    api: (n: string) => `${n}-control-plane`,
    context: (n: string) => `kind-${n}`,
  },
  {
    engine: 'k3d' as const,
    image: IMAGES.api.k3d,
    nodes: (n: string) => [`k3d-${n}-server-0`, `k3d-${n}-serverlb`],
    api: (n: string) => `k3d-${n}-serverlb`,
    context: (n: string) => `k3d-${n}`,
  },
];

describeIntegration.each(cases)('$engine: the whole lifecycle', ({ engine, image, nodes, api, context }) => {
  let sb: Sandbox;
  const name = uniqueName(`life-${engine}`);
  let volumes: string[] = [];
  // The user's own kubeconfig, which kindling (and the engines it drives) must leave byte-for-byte alone.
  const userKubeconfig =
    'apiVersion: v1\nkind: Config\nclusters:\n- name: mine\n  cluster:\n    server: https://example.invalid:6443\ncontexts:\n- name: mine\n  context:\n    cluster: mine\n    user: me\ncurrent-context: mine\nusers:\n- name: me\n  user:\n    token: secret\n';

  beforeAll(async () => {
    sb = await sandbox(engine === 'kind' ? { KINDLING_KIND_BINARY: join(integrationEnv().binDir, 'kind-v0.32.0') } : {});
    sb.env.TMPDIR = join(sb.dir, 'tmp');
    await mkdir(sb.env.TMPDIR);
    await writeFile(sb.env.KUBECONFIG!, userKubeconfig, { mode: 0o600 });
  });
  afterAll(async () => {
    await sb.cli('down', name, '--yes');
    expect(await clusterObjects(name, engine, volumes)).toEqual({ containers: [], networks: [], volumes: [] });
    await sb.cleanup();
  });

  it('up creates the nodes in Docker and records spec, status, kubeconfig and history', async () => {
    const r = await sb.cli('up', '--preset', engine, '--name', name, '--image', image, '--wait', '2m', '-o', 'json', '--verbose');
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(engine === 'kind' ? 'debug: kind v0.32.0' : 'debug: k3d v5.9.0');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ name, unchanged: false, context: context(name), status: { phase: 'running' } });

    const objects = await clusterObjects(name, engine);
    expect(objects.containers).toEqual(nodes(name));
    volumes = await mountedVolumes(name, engine);
    const binding = (await inspect(api(name))).NetworkSettings.Ports?.['6443/tcp']?.[0];
    expect(binding?.HostIp).toBe('127.0.0.1');
    expect(out.apiServer).toEqual({ host: '127.0.0.1', port: Number(binding?.HostPort), url: `https://127.0.0.1:${binding?.HostPort}` });

    const dir = join(sb.state, 'clusters', name);
    const spec = parse(await readFile(join(dir, 'spec.yaml'), 'utf8'));
    expect(spec).toMatchObject({ generation: 1, spec: { name, engine, image, preset: engine } });
    expect(JSON.parse(await readFile(join(dir, 'status.json'), 'utf8')).phase).toBe('running');
    expect((await stat(join(dir, 'kubeconfig'))).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'history'))).toEqual(['000001-up.json']);
    expect(await readdir(dir)).not.toContain('lock');

    // The context was added to the user's kubeconfig, next to their own, without switching to it.
    const user = parse(await readFile(sb.env.KUBECONFIG!, 'utf8'));
    expect(user['current-context']).toBe('mine');
    expect(user.contexts.map((c: { name: string }) => c.name)).toEqual(['mine', context(name)]);
    const ours = user.clusters.find((c: { name: string }) => c.name === user.contexts[1].context.cluster);
    expect(ours.cluster.server).toBe(out.apiServer.url);
    expect(JSON.parse(await readFile(join(dir, 'kubeconfig-merge.json'), 'utf8')).file).toBe(sb.env.KUBECONFIG);
  });

  it("k3d node containers carry kindling labels; kind ones are found by kind's own label", async () => {
    const labels = (await inspect(nodes(name)[0]!)).Config.Labels;
    if (engine === 'k3d')
      expect(labels).toMatchObject({ 'dev.kindling.managed': 'true', 'dev.kindling.cluster': name, 'dev.kindling.preset': 'k3d' });
    else expect(labels).toMatchObject({ 'io.x-k8s.kind.cluster': name, 'io.x-k8s.kind.role': 'control-plane' });
  });

  it('list -o json shows it running with its nodes', async () => {
    const r = await sb.cli('list', '-o', 'json');
    expect(r.code).toBe(0);
    const clusters = JSON.parse(r.stdout).items;
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ name, engine, phase: 'running', preset: engine, generation: 1 });
    expect(clusters[0].nodes.map((n: { name: string }) => n.name)).toEqual(nodes(name));
    expect(clusters[0].nodes.every((n: { state: string }) => n.state === 'running')).toBe(true);
  });

  it('status names the phase, nodes, API server and kubeconfig', async () => {
    const r = await sb.cli('status', name);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('phase:      running');
    expect(r.stdout).toContain(`context:    ${context(name)}`);
    for (const n of nodes(name)) expect(r.stdout).toContain(n);
    expect(r.stdout).toMatch(/api server: https:\/\/127\.0\.0\.1:\d+/);
    // Readiness through the Kubernetes API (the stand-in nodes run a real API server, kwok plays the kubelets).
    expect(r.stdout).toContain('readiness:\n  ready      API server reachable: API server v1.36.1\n');
    expect(r.stdout).toContain('  ready      all 1 node Ready: 1 of 1 nodes Ready (expecting 1)\n');
    expect(r.stdout).toContain('  ready      CoreDNS Available: coredns: 2/2 available\n');
  });

  it('kubeconfig prints the stored file, which points at 127.0.0.1 and the published port', async () => {
    const path = await sb.cli('kubeconfig', name, '--path');
    expect(path.stdout.trim()).toBe(join(sb.state, 'clusters', name, 'kubeconfig'));
    const r = await sb.cli('kubeconfig', name);
    expect(r.code).toBe(0);
    const kc = parse(r.stdout);
    expect(kc['current-context']).toBe(context(name));
    const port = (await inspect(api(name))).NetworkSettings.Ports?.['6443/tcp']?.[0]?.HostPort;
    expect(kc.clusters[0].cluster.server).toBe(`https://127.0.0.1:${port}`);
  });

  it('up with the same spec changes nothing; with another spec it is refused, naming the difference', async () => {
    const same = await sb.cli('up', '--preset', engine, '--name', name, '--image', image, '-o', 'json');
    expect(same.code).toBe(0);
    expect(JSON.parse(same.stdout).unchanged).toBe(true);
    const other = await sb.cli('up', '--preset', engine, '--name', name, '--image', image, '--workers', '1');
    expect(other.code).toBe(4);
    expect(other.stderr).toContain(`cluster "${name}" exists with a different spec: nodes.workers: 0 -> 1`);
    expect((await clusterObjects(name, engine)).containers).toEqual(nodes(name));
  });

  it('down --dry-run lists the steps and changes nothing', async () => {
    const before = await clusterObjects(name, engine, volumes);
    const r = await sb.cli('down', name, '--dry-run', '-o', 'json');
    expect(r.code).toBe(0);
    const [plan] = JSON.parse(r.stdout).items;
    expect(plan.actions.map((a: { id: string }) => a.id)).toEqual([
      'delete-cluster',
      'sweep-leftovers',
      'unmerge-kubeconfig',
      'forget-cluster',
    ]);
    expect(await clusterObjects(name, engine, volumes)).toEqual(before);
    expect(await readdir(join(sb.state, 'clusters'))).toEqual([name]);
  });

  it('down removes every container, network and volume of the cluster, and its state', async () => {
    const r = await sb.cli('down', name, '--yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`deleted: cluster "${name}" (${engine})\n`);
    expect(await clusterObjects(name, engine, volumes)).toEqual({ containers: [], networks: [], volumes: [] });
    expect(await readdir(join(sb.state, 'clusters'))).toEqual([]);
    // Its history stays, closed by the down's own entry with the steps it took.
    const [kept] = await readdir(join(sb.state, 'deleted', name));
    const history = (await readdir(join(sb.state, 'deleted', name, kept!, 'history'))).sort();
    expect(history.at(-1)).toMatch(/-down\.json$/);
    const entry = JSON.parse(await readFile(join(sb.state, 'deleted', name, kept!, 'history', history.at(-1)!), 'utf8'));
    expect(entry).toMatchObject({
      op: 'down',
      outcome: 'succeeded',
      steps: ['delete-cluster', 'sweep-leftovers', 'unmerge-kubeconfig', 'forget-cluster'],
    });
    // Deleting it again is not an error (teardown scripts run twice), as `kind delete cluster` exits 0.
    const again = await sb.cli('down', name, '--yes');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`cluster "${name}" does not exist: nothing to delete`);
  });

  it("left the user's kubeconfig byte-for-byte alone and no temporary file behind", async () => {
    expect(await readFile(sb.env.KUBECONFIG!, 'utf8')).toBe(userKubeconfig);
    expect(await readdir(sb.env.TMPDIR!)).toEqual([]);
  });
});
