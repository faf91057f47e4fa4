// A Docker engine "on another machine": the second engine (scripts/test-env/dockerd-second.sh) listening on
// tcp://ADDR:PORT with TLS and client certificates, ADDR being this machine's non-loopback address, registered with
// the real `docker context create ... ca=,cert=,key=`. Ports it publishes listen on ADDR, not on this machine's
// 127.0.0.1 as far as kindling can tell, so:
//   - `up` with the default apiServer.address (127.0.0.1) is refused before anything is made (exit 2, naming the
//     host and `--set apiServer.address=0.0.0.0`);
//   - `up --set apiServer.address=0.0.0.0` (kind, k3d: real API servers) stores a kubeconfig (0600) naming
//     https://ADDR:PORT with tls-server-name localhost, kindling's own readiness wait passes through it, and
//     kubectl's GET /version through it verifies the server's certificate;
//   - `workshop up --docker-contexts <it> --set apiServer.address=0.0.0.0` hands out kubeconfigs naming ADDR that
//     answer, and `workshop down` leaves nothing on that engine.
// Starting (or restarting, to add the listener) the second engine rewrites the firewall chains both engines share,
// so this runs only in CI's engine-restart group, alone, or with KINDLING_SECOND_DOCKER=1. The second engine is
// left running (with its listener) for the other files of that group, which take it as it is.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeKubectl } from '../support/integration/attendee.js';
import { integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';
import { restartDocker } from '../support/integration/restart-docker.js';
import { kindNetworkInOwnRange, registerContext, startSecondDocker, type SecondDocker } from '../support/integration/second-docker.js';

const CONTEXT = 'kindling-remote-tls';
const TCP_PORT = 23760;
const LABELS = { kind: 'io.x-k8s.kind.cluster', k3d: 'k3d.cluster' } as const;

/** This machine's first non-loopback IPv4 address that is not a container bridge: what "another machine" is reached at. */
function externalAddress(): string {
  const bridge = /^(docker|br-|veth|kl2|cni|flannel|virbr)/;
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    if (bridge.test(name)) continue;
    const v4 = addrs?.find((a) => a.family === 'IPv4' && !a.internal);
    if (v4) return v4.address;
  }
  throw new Error(
    `this machine has no non-loopback IPv4 address outside container bridges (${Object.keys(networkInterfaces()).join(', ')}): ` +
      'the remote-engine test needs one for the second engine to listen on',
  );
}

/** Names of the containers an engine holds for a cluster. */
async function containersOn(docker: Dockerode, engine: 'kind' | 'k3d', name: string): Promise<string[]> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${LABELS[engine]}=${name}`] } });
  return found.map((c) => (c.Names[0] ?? c.Id).replace(/^\//, '')).sort();
}

/** Every container and network of an engine, by name. */
async function everything(docker: Dockerode): Promise<{ containers: string[]; networks: string[] }> {
  const containers = (await docker.listContainers({ all: true })).map((c) => c.Names[0] ?? c.Id).sort();
  const networks = (await docker.listNetworks()).map((n) => n.Name).sort();
  return { containers, networks };
}

/** The one cluster entry of a kubeconfig. */
function clusterOf(kubeconfig: string): { server: string; 'tls-server-name'?: string; 'certificate-authority-data'?: string } {
  const clusters = parse(kubeconfig).clusters as { cluster: never }[];
  expect(clusters).toHaveLength(1);
  return clusters[0]!.cluster;
}

/** kubectl version through `file` (TLS verified against the kubeconfig's CA): the server's gitVersion. */
async function serverVersion(sb: Sandbox, file: string, context: string): Promise<string> {
  const v = await attendeeKubectl(sb.env, file, context, ['version', '-o', 'json']);
  expect(v.exitCode, v.stderr).toBe(0);
  return JSON.parse(v.stdout).serverVersion.gitVersion;
}

const allowed = process.env.CI === 'true' || process.env.KINDLING_SECOND_DOCKER === '1';
if (!allowed)
  console.log(
    '\n[remote-docker] SKIPPING: starts a second Docker engine: runs in the engine-restart group in CI, or set KINDLING_SECOND_DOCKER=1\n',
  );
const describeRemote = integrationEnv().enabled && allowed ? describe : describe.skip;

describeRemote('a Docker engine on another machine (tcp:// with TLS)', () => {
  let address: string;
  let second: SecondDocker;
  let other: Dockerode;
  let config: string;
  let sb: Sandbox;
  const made: { engine: 'kind' | 'k3d'; name: string }[] = [];
  const workshops: string[] = [];

  beforeAll(async () => {
    address = externalAddress();
    second = await startSecondDocker({
      tcp: `${address}:${TCP_PORT}`,
      images: [IMAGES.api.kind, IMAGES.api.k3d, 'ghcr.io/k3d-io/k3d-proxy:5.9.0', 'ghcr.io/k3d-io/k3d-tools:5.9.0'],
    });
    other = new Dockerode({ socketPath: second.socket });
    config = await mkdtemp(join(tmpdir(), 'kindling-remote-docker-config-'));
    await registerContext(CONTEXT, second.tcp!.host, config, { dir: second.tcp!.tlsDir });
    // No DOCKER_HOST: the context is the only thing that points at the engine.
    sb = await sandbox({ DOCKER_CONFIG: config, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined });
    console.log(`[remote-docker] second engine on ${second.tcp!.host} (TLS files ${second.tcp!.tlsDir}), context ${CONTEXT}`);
  }, 20 * 60_000);

  afterAll(async () => {
    for (const w of workshops) await sb?.cli('workshop', 'down', '--workshop', w, '--yes');
    for (const { name } of made) await sb?.cli('--docker-context', CONTEXT, 'down', name, '--yes');
    // The `kind` network this file made on the second engine (others make their own anew).
    for (const n of (await other?.listNetworks({ filters: { name: ['kind'] } })) ?? [])
      if (n.Name === 'kind')
        await other
          .getNetwork(n.Id)
          .remove()
          .catch(() => undefined);
    await sb?.cleanup();
    if (config) await rm(config, { recursive: true, force: true });
    // In CI (the engine-restart group, alone) the second engine is stopped and the main one restarted, which writes
    // the firewall chains both share again, as workshop-hosts.test.ts and docker-context.test.ts do.
    if (process.env.CI === 'true') {
      await second?.stop();
      await restartDocker();
    }
  }, 10 * 60_000);

  it('up with the default 127.0.0.1 is refused before anything is made (exit 2), naming the host and the --set fix', async () => {
    const name = uniqueName('rd-no');
    const before = await everything(other);
    const dry = await sb.cli(
      '--docker-context',
      CONTEXT,
      'up',
      '--preset',
      'kind',
      '--name',
      name,
      '--image',
      IMAGES.api.kind,
      '--dry-run',
    );
    expect(dry.stderr).toMatch(new RegExp(`preflight: FAIL api +.*would listen on 127\\.0\\.0\\.1 of ${address.replaceAll('.', '\\.')}`));
    const r = await sb.cli('--docker-context', CONTEXT, 'up', '--preset', 'kind', '--name', name, '--image', IMAGES.api.kind, '--no-merge');
    console.log(`[remote-docker] refused up (exit ${r.code}):\n${r.stderr}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the API server would listen on 127.0.0.1 of ${address}, which this machine cannot reach`);
    expect(r.stderr).toContain('--set apiServer.address=0.0.0.0');
    expect(await everything(other)).toEqual(before);
    expect(JSON.parse((await sb.cli('list', '-o', 'json')).stdout).items).toEqual([]);
  });

  it.each([
    ['kind', IMAGES.api.kind],
    ['k3d', IMAGES.api.k3d],
  ] as const)(
    '%s with --set apiServer.address=0.0.0.0: the kubeconfig names https://ADDR:PORT, tls-server-name localhost, and answers',
    async (engine, image) => {
      if (engine === 'kind') await kindNetworkInOwnRange(other, '10.214.201.0/24');
      const name = uniqueName(`rd-${engine}`);
      made.push({ engine, name });
      const up = await sb.cli(
        '--docker-context',
        CONTEXT,
        'up',
        '--preset',
        engine,
        '--name',
        name,
        '--image',
        image,
        '--set',
        'apiServer.address=0.0.0.0',
        '--wait',
        '3m',
      );
      expect(up.code, up.stderr).toBe(0);
      expect((await containersOn(other, engine, name)).length).toBeGreaterThan(0);

      const shown = await sb.cli('kubeconfig', name);
      expect(shown.code, shown.stderr).toBe(0);
      const cluster = clusterOf(shown.stdout);
      expect(cluster.server).toMatch(new RegExp(`^https://${address.replaceAll('.', '\\.')}:\\d+$`));
      expect(cluster['tls-server-name']).toBe('localhost');
      expect(cluster['certificate-authority-data']).toBeTruthy();
      const path = (await sb.cli('kubeconfig', name, '--path')).stdout.trim();
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      const context = parse(shown.stdout)['current-context'] as string;
      const version = await serverVersion(sb, path, context);
      expect(version).toMatch(/^v1\.\d+\.\d+/);
      // Merged into the user's kubeconfig with tls-server-name kept: kubectl answers through it too.
      const merged = parse(await readFile(sb.env.KUBECONFIG!, 'utf8')).clusters as {
        name: string;
        cluster: { 'tls-server-name'?: string };
      }[];
      expect(merged.find((c) => c.cluster['tls-server-name'] === 'localhost')).toBeDefined();
      expect(await serverVersion(sb, sb.env.KUBECONFIG!, context)).toBe(version);
      // status names the address this machine reaches the API server at, as the kubeconfig does.
      const status = await sb.cli('--docker-context', CONTEXT, 'status', name, '-o', 'json');
      expect(status.code, status.stderr).toBe(0);
      expect(JSON.parse(status.stdout).apiServer.url).toBe(cluster.server);
      const entry = shown.stdout.split('\n').filter((l) => /^\s*(server|tls-server-name):/.test(l));
      console.log(`[remote-docker] ${engine}: kindling kubeconfig ${name}:\n${entry.join('\n')}\nkubectl version: ${version}`);

      const down = await sb.cli('--docker-context', CONTEXT, 'down', name, '--yes');
      expect(down.code, down.stderr).toBe(0);
      expect(await containersOn(other, engine, name)).toEqual([]);
    },
  );

  it('workshop up --docker-contexts <tcp context> --set apiServer.address=0.0.0.0: attendee kubeconfigs name ADDR and answer', async () => {
    await kindNetworkInOwnRange(other, '10.214.201.0/24');
    const before = (await everything(other)).containers;
    const prefix = uniqueName('rw').slice(0, 9);
    workshops.push(prefix);
    const out = join(sb.dir, 'ws-out');
    const up = await sb.cli(
      'workshop',
      'up',
      '--count',
      '2',
      '--prefix',
      prefix,
      '--preset',
      'kind',
      '--image',
      IMAGES.api.kind,
      '--docker-contexts',
      CONTEXT,
      '--set',
      'apiServer.address=0.0.0.0',
      '--out',
      out,
      '--parallel',
      '2',
      '--wait',
      '3m',
      '--force',
      '-o',
      'json',
    );
    expect(up.code, up.stderr).toBe(0);
    const clusters = JSON.parse(up.stdout).clusters as {
      cluster: string;
      ok: boolean;
      dockerContext?: string;
      context: string;
      label: string;
    }[];
    expect(clusters.map((c) => [c.ok, c.dockerContext])).toEqual([
      [true, CONTEXT],
      [true, CONTEXT],
    ]);
    for (const c of clusters) {
      const file = join(out, c.label, 'kubeconfig');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const cluster = clusterOf(await readFile(file, 'utf8'));
      expect(cluster.server).toMatch(new RegExp(`^https://${address.replaceAll('.', '\\.')}:\\d+$`));
      expect(cluster['tls-server-name']).toBe('localhost');
      expect(await serverVersion(sb, file, c.context)).toMatch(/^v1\.\d+\.\d+/);
      expect(await containersOn(other, 'kind', c.cluster)).toEqual([`${c.cluster}-control-plane`]);
    }
    const status = JSON.parse((await sb.cli('workshop', 'status', '--workshop', prefix, '-o', 'json')).stdout).members as {
      phase: string;
      apiReachable: boolean;
    }[];
    expect(status.map((s) => [s.phase, s.apiReachable])).toEqual([
      ['running', true],
      ['running', true],
    ]);

    const down = await sb.cli('workshop', 'down', '--workshop', prefix, '--yes');
    expect(down.code, down.stderr).toBe(0);
    for (const c of clusters) expect(await containersOn(other, 'kind', c.cluster)).toEqual([]);
    expect((await everything(other)).containers).toEqual(before);
  });
});
