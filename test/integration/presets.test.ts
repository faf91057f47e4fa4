// Every built-in preset made by the real engine from stand-in images, then checked through the real API:
// context name, default StorageClass, IngressClass, node labels, and, with --registry, a real registry
// (Debian's docker-registry as registry:2) that takes a push from the host and is wired into the nodes.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { clusterObjects, containersWithLabels, inspect } from '../support/integration/docker-probe.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, freePort, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';
import { corpusFile } from '../support/integration/shared.js';

const ingressNginx = corpusFile('ingress-nginx__deploy.yaml');
const SMALL_IMAGE = 'envoyproxy/envoy:v1.36.2';

describeIntegration.skipIf(!ingressNginx)('presets through the real API', () => {
  let sb: Sandbox;
  const made: { name: string; engine: 'kind' | 'k3d' }[] = [];
  beforeEach(async () => {
    sb = await sandbox();
  });
  afterEach(async () => {
    for (const { name, engine } of made.splice(0)) {
      if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, engine);
    }
    await sb.cleanup();
  });
  const kubectl = async (context: string, ...args: string[]) => {
    const r = await execa(join(integrationEnv().binDir, 'kubectl'), ['--context', context, ...args, '-o', 'json'], {
      env: sb.env,
      reject: false,
    });
    if (r.exitCode !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const up = async (...args: string[]) => {
    const r = await sb.cli('up', ...args, '--wait', '2m', '--timeout', '90s', '-o', 'json');
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout);
  };
  const userKubeconfig = async () => parse(await readFile(sb.env.KUBECONFIG!, 'utf8'));
  const isDefault = (o: { metadata: { annotations?: Record<string, string> } }, kind: 'storageclass' | 'ingressclass') =>
    o.metadata.annotations?.[`${kind}.kubernetes.io/is-default-class`] === 'true';

  it('minikube: context, cluster and user named after the profile; class standard re-made for k8s.io/minikube-hostpath; the ingress add-on', async () => {
    const name = uniqueName('mk');
    made.push({ name, engine: 'kind' });
    const from = join(sb.dir, 'addons');
    await mkdir(from);
    await copyFile(ingressNginx!, join(from, 'deploy.yaml'));
    const [http, https] = [await freePort(), await freePort()];
    const handle = await up(
      '--preset',
      'minikube',
      '--name',
      name,
      '--image',
      IMAGES.api.kind,
      '--addons-from',
      from,
      '--set',
      'ingress.enabled=true',
      '--set',
      `ingress.hostPorts.http=${http}`,
      '--set',
      `ingress.hostPorts.https=${https}`,
    );
    expect(handle.context).toBe(name);
    expect(handle.readiness.map((s: { id: string }) => s.id)).toEqual(['api', 'nodes', 'dns', 'addons', 'storage', 'ingress']);
    const kc = await userKubeconfig();
    expect(kc.contexts).toEqual([{ name, context: { cluster: name, user: name } }]);
    expect(kc.users.map((u: { name: string }) => u.name)).toEqual([name]);
    const sc = await kubectl(name, 'get', 'storageclass', 'standard');
    expect(sc).toMatchObject({ provisioner: 'k8s.io/minikube-hostpath', volumeBindingMode: 'Immediate', reclaimPolicy: 'Delete' });
    expect(isDefault(sc, 'storageclass')).toBe(true);
    const ic = await kubectl(name, 'get', 'ingressclass', 'nginx');
    expect(ic.spec.controller).toBe('k8s.io/ingress-nginx');
    expect(isDefault(ic, 'ingressclass')).toBe(true);
    const node = await kubectl(name, 'get', 'node', `${name}-control-plane`);
    expect(node.metadata.labels).toMatchObject({ 'minikube.k8s.io/name': name, 'ingress-ready': 'true' });
    const ports = (await inspect(`${name}-control-plane`)).HostConfig.PortBindings;
    expect(ports['80/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(http) }]);
    expect(ports['443/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(https) }]);
    const status = await sb.cli('status', name, '-o', 'json');
    expect(JSON.parse(status.stdout)).toMatchObject({ context: name, phase: 'running' });
  });

  it('--mount: a host folder, relative to the working directory, in every node of kind and k3d, read-only when asked', async () => {
    const [kind, k3d] = [uniqueName('mnt-kind'), uniqueName('mnt-k3d')];
    made.push({ name: kind, engine: 'kind' }, { name: k3d, engine: 'k3d' });
    await mkdir(join(sb.dir, 'data'));
    await writeFile(join(sb.dir, 'data', 'hello.txt'), 'from the host\n');
    const common = ['--workers', '1', '--mount', 'data:/srv/data:ro', '--no-merge'];
    expect((await sb.cli('up', '--preset', 'kind', '--name', kind, '--image', IMAGES.noApi.kind, ...common)).code).toBe(0);
    expect((await sb.cli('up', '--preset', 'k3d', '--name', k3d, '--image', IMAGES.noApi.k3d, ...common)).code).toBe(0);
    for (const node of [`${kind}-control-plane`, `${kind}-worker`, `k3d-${k3d}-server-0`, `k3d-${k3d}-agent-0`]) {
      expect((await execa('docker', ['exec', node, 'cat', '/srv/data/hello.txt'])).stdout).toBe('from the host');
      const mount = (await inspect(node)).Mounts.find((m) => m.Destination === '/srv/data');
      expect(mount).toMatchObject({ Source: join(sb.dir, 'data'), RW: false });
    }
  });

  it('microk8s with --registry and hostpath-storage: its names, API port, node labels, class, registry wiring and a push', async () => {
    const name = uniqueName('mk8s');
    const registry = `reg-${name}`;
    made.push({ name, engine: 'kind' });
    const [apiPort, regPort] = [await freePort(), await freePort()];
    const handle = await up(
      '--preset',
      'microk8s',
      '--name',
      name,
      '--image',
      IMAGES.api.kind,
      '--registry',
      '--set',
      `apiServer.port=${apiPort}`,
      '--set',
      `registry.name=${registry}`,
      '--set',
      `registry.hostPort=${regPort}`,
      '--set',
      'storage.enabled=true',
    );
    expect(handle.context).toBe(name);
    expect(handle.apiServer.url).toBe(`https://127.0.0.1:${apiPort}`);
    const kc = await userKubeconfig();
    expect(kc.contexts).toEqual([{ name, context: { cluster: `${name}-cluster`, user: 'admin' } }]);
    const sc = await kubectl(name, 'get', 'storageclass', 'microk8s-hostpath');
    expect(sc).toMatchObject({ provisioner: 'microk8s.io/hostpath', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Delete' });
    expect(isDefault(sc, 'storageclass')).toBe(true);
    expect(isDefault(await kubectl(name, 'get', 'storageclass', 'standard'), 'storageclass')).toBe(false);
    const node = await kubectl(name, 'get', 'node', `${name}-control-plane`);
    expect(node.metadata.labels).toMatchObject({
      'microk8s.io/cluster': 'true',
      'node.kubernetes.io/microk8s-controlplane': 'microk8s-controlplane',
    });
    const cm = await kubectl(name, 'get', 'configmap', 'local-registry-hosting', '-n', 'kube-public');
    expect(parse(cm.data['localRegistryHosting.v1'])).toMatchObject({
      host: `localhost:${regPort}`,
      hostFromClusterNetwork: `${registry}:5000`,
    });
    // containerd in the node pulls localhost:PORT/... from the registry container, which is on the kind network.
    const hosts = await execa('docker', [
      'exec',
      `${name}-control-plane`,
      'cat',
      `/etc/containerd/certs.d/localhost:${regPort}/hosts.toml`,
    ]);
    expect(hosts.stdout).toBe(`[host."http://${registry}:5000"]`);
    expect(Object.keys((await inspect(registry)).NetworkSettings.Networks)).toContain('kind');
    expect((await inspect(registry)).HostConfig.PortBindings['5000/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(regPort) }]);
    // A push from the host lands in the registry's catalogue.
    const ref = `localhost:${regPort}/kindling-check:1`;
    await execa('docker', ['tag', SMALL_IMAGE, ref]);
    try {
      await execa('docker', ['push', ref]);
      const catalogue = await (await fetch(`http://127.0.0.1:${regPort}/v2/_catalog`)).json();
      expect(catalogue).toEqual({ repositories: ['kindling-check'] });
    } finally {
      await execa('docker', ['rmi', ref], { reject: false });
    }
    // Created for this cluster alone: down removes it.
    made.pop();
    const down = await sb.cli('down', name, '--yes');
    expect(down.code).toBe(0);
    expect(await containersWithLabels({ 'dev.kindling.registry': registry })).toEqual([]);
  });

  it('k3s: entries named default, the API on its fixed port, Traefik on the mapped 80/443, local-path from k3s', async () => {
    const name = uniqueName('k3s');
    made.push({ name, engine: 'k3d' });
    const [apiPort, http, https] = [await freePort(), await freePort(), await freePort()];
    const handle = await up(
      '--preset',
      'k3s',
      '--name',
      name,
      '--image',
      IMAGES.api.k3d,
      '--set',
      `apiServer.port=${apiPort}`,
      '--set',
      `ingress.hostPorts.http=${http}`,
      '--set',
      `ingress.hostPorts.https=${https}`,
    );
    expect(handle.context).toBe('default');
    expect(handle.apiServer.url).toBe(`https://127.0.0.1:${apiPort}`);
    const kc = await userKubeconfig();
    expect(kc.contexts).toEqual([{ name: 'default', context: { cluster: 'default', user: 'default' } }]);
    const sc = await kubectl('default', 'get', 'storageclass', 'local-path');
    expect(sc).toMatchObject({ provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' });
    expect(isDefault(sc, 'storageclass')).toBe(true);
    const ic = await kubectl('default', 'get', 'ingressclass', 'traefik');
    expect(ic.spec.controller).toBe('traefik.io/ingress-controller');
    const lb = (await inspect(`k3d-${name}-serverlb`)).HostConfig.PortBindings;
    expect(lb['80/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(http) }]);
    expect(lb['443/tcp']).toEqual([{ HostIp: '127.0.0.1', HostPort: String(https) }]);
  });

  it('k3d with a shared registry: registries.yaml in the server, the ConfigMap, and the registry outlives the cluster', async () => {
    const name = uniqueName('k3dr');
    const registry = `reg-${name}`;
    made.push({ name, engine: 'k3d' });
    const regPort = await freePort();
    const handle = await up(
      '--preset',
      'k3d',
      '--name',
      name,
      '--image',
      IMAGES.api.k3d,
      '--registry',
      '--set',
      `registry.name=${registry}`,
      '--set',
      `registry.hostPort=${regPort}`,
      '--set',
      'registry.shared=true',
    );
    expect(handle.context).toBe(`k3d-${name}`);
    const registries = await execa('docker', ['exec', `k3d-${name}-server-0`, 'cat', '/etc/rancher/k3s/registries.yaml']);
    expect(parse(registries.stdout)).toMatchObject({ mirrors: { [`localhost:${regPort}`]: { endpoint: [`http://${registry}:5000`] } } });
    expect(Object.keys((await inspect(registry)).NetworkSettings.Networks)).toContain(`k3d-${name}`);
    const cm = await kubectl(`k3d-${name}`, 'get', 'configmap', 'local-registry-hosting', '-n', 'kube-public');
    expect(parse(cm.data['localRegistryHosting.v1']).host).toBe(`localhost:${regPort}`);
    expect(isDefault(await kubectl(`k3d-${name}`, 'get', 'ingressclass', 'traefik'), 'ingressclass')).toBe(true);
    made.pop();
    expect((await sb.cli('down', name, '--yes')).code).toBe(0);
    expect(await clusterObjects(name, 'k3d')).toEqual({ containers: [], networks: [], volumes: [] });
    // Shared: still running, still recorded, no longer used by anyone.
    const [left] = await containersWithLabels({ 'dev.kindling.registry': registry });
    expect(left?.State).toBe('running');
    expect(JSON.parse(await readFile(join(sb.state, 'registries', `${registry}.json`), 'utf8')).users).toEqual([]);
    await execa('docker', ['rm', '-f', registry]);
  });

  it('kind: a second cluster reuses the registry; down keeps it for the other; load streams an image into the node', async () => {
    const [a, b] = [uniqueName('kra'), uniqueName('krb')];
    const registry = `reg-${a}`;
    made.push({ name: a, engine: 'kind' }, { name: b, engine: 'kind' });
    const regPort = await freePort();
    const flags = [
      '--preset',
      'kind',
      '--image',
      IMAGES.api.kind,
      '--registry',
      '--set',
      `registry.name=${registry}`,
      '--set',
      `registry.hostPort=${regPort}`,
    ];
    await up(...flags, '--name', a);
    await up(...flags, '--name', b);
    expect(JSON.parse(await readFile(join(sb.state, 'registries', `${registry}.json`), 'utf8'))).toMatchObject({
      createdBy: 'kindling',
      users: [a, b].sort(),
    });
    const sc = await kubectl(`kind-${a}`, 'get', 'storageclass', 'standard');
    expect(sc).toMatchObject({ provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' });
    const load = await sb.cli('load', b, SMALL_IMAGE);
    expect(load.stderr).toBe('');
    expect(load.stdout).toBe(`loaded ${SMALL_IMAGE} into ${b}\n`);
    const seen = await execa('docker', ['exec', `${b}-control-plane`, 'cat', '/var/lib/standin/images']);
    expect(seen.stdout.split('\n')).toContain(SMALL_IMAGE);
    made.shift();
    expect((await sb.cli('down', a, '--yes')).code).toBe(0);
    expect((await containersWithLabels({ 'dev.kindling.registry': registry })).map((c) => c.State)).toEqual(['running']);
    made.shift();
    expect((await sb.cli('down', b, '--yes')).code).toBe(0);
    expect(await containersWithLabels({ 'dev.kindling.registry': registry })).toEqual([]);
  });

  it('a user preset that extends microk8s and overrides two fields keeps the rest', async () => {
    const name = uniqueName('ext');
    made.push({ name, engine: 'kind' });
    const dir = join(sb.env.XDG_CONFIG_HOME!, 'kindling', 'presets');
    await mkdir(dir, { recursive: true });
    const apiPort = await freePort();
    await writeFile(
      join(dir, 'team.yaml'),
      `apiVersion: kindling.dev/v1alpha1\nkind: Preset\nname: team\nextends: microk8s\nnodes:\n  workers: 1\napiServer:\n  port: ${apiPort}\n`,
    );
    const handle = await up('--preset', 'team', '--name', name, '--image', IMAGES.api.kind);
    expect(handle.context).toBe(name);
    expect(handle.apiServer.url).toBe(`https://127.0.0.1:${apiPort}`);
    const nodes = await kubectl(name, 'get', 'nodes');
    expect(nodes.items.map((n: { metadata: { name: string } }) => n.metadata.name).sort()).toEqual([
      `${name}-control-plane`,
      `${name}-worker`,
    ]);
    expect(
      nodes.items.every((n: { metadata: { labels: Record<string, string> } }) => n.metadata.labels['microk8s.io/cluster'] === 'true'),
    ).toBe(true);
    expect((await userKubeconfig()).contexts[0].context).toEqual({ cluster: `${name}-cluster`, user: 'admin' });
  });
});
