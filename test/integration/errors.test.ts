// Every failure `up` must explain and survive, with the real binaries and Docker: the exit code, the message
// that names the next step, and nothing left behind in Docker or in the state store.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { freePort, occupyPort, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const images = IMAGES.noApi;
const engines = ['kind', 'k3d'] as const;
type EngineName = (typeof engines)[number];

async function storedClusters(sb: Sandbox): Promise<string[]> {
  return readdir(join(sb.state, 'clusters')).catch(() => []);
}

async function expectNothingOf(sb: Sandbox, name: string, engine: EngineName): Promise<void> {
  expect(await clusterObjects(name, engine)).toEqual({ containers: [], networks: [], volumes: [] });
  expect(await storedClusters(sb)).toEqual([]);
  // Nothing of the cluster is left in the user's kubeconfig (the sandbox starts without one).
  if (existsSync(sb.env.KUBECONFIG!)) {
    const kc = parse(await readFile(sb.env.KUBECONFIG!, 'utf8'));
    expect(
      [...(kc.clusters ?? []), ...(kc.users ?? []), ...(kc.contexts ?? [])]
        .map((e: { name: string }) => e.name)
        .filter((n: string) => n.includes(name)),
    ).toEqual([]);
  }
}

describeIntegration('up refuses bad input and changes nothing', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await sandbox();
  });
  afterEach(() => sb.cleanup());

  it.each(engines)('%s: Docker unreachable -> exit 5 naming how to start it', async (engine) => {
    const broken = await sandbox({ DOCKER_HOST: `unix://${join(sb.dir, 'no-docker.sock')}` });
    const name = uniqueName('nodocker');
    const r = await broken.cli('up', '--preset', engine, '--name', name, '--image', images[engine]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('error: Docker is not reachable. Tried:');
    expect(r.stderr).toContain('(DOCKER_HOST)');
    expect(r.stderr).toContain('hint: start Docker');
    await expectNothingOf(broken, name, engine);
    await broken.cleanup();
  });

  it.each([
    ['kind', 'install kind v0.33.0 or v0.32.0 (`go install sigs.k8s.io/kind@v0.33.0`'],
    ['k3d', 'install k3d v5.9.0 (https://k3d.io/stable/#installation'],
  ] as const)('%s binary not on PATH -> exit 5 saying how to install it', async (engine, hint) => {
    const empty = join(sb.dir, 'empty-bin');
    await mkdir(empty);
    const nobin = await sandbox({ PATH: empty });
    const name = uniqueName('nobin');
    const r = await nobin.cli('up', '--preset', engine, '--name', name, '--image', images[engine]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`error: ${engine} not found (looked for "${engine}")`);
    expect(r.stderr).toContain(`hint: ${hint}`);
    await expectNothingOf(nobin, name, engine);
    await nobin.cleanup();
  });

  it.each([
    ['kind', 'Bad_Name', '"Bad_Name" is not a valid cluster name'],
    ['k3d', '-dev', '"-dev" is not a valid cluster name'],
    ['k3d', 'a'.repeat(33), `cluster name "${'a'.repeat(33)}" is 33 characters; k3d allows at most 32`],
    [
      'kind',
      'b'.repeat(50),
      `cluster name "${'b'.repeat(50)}" is too long for kind: node container "${'b'.repeat(50)}-control-plane" would be 64 characters (at most 63)`,
    ],
  ] as const)('%s: name %s -> exit 2', async (engine, name, message) => {
    const r = await sb.cli('up', '--preset', engine, '--name', name, '--image', images[engine]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${message}`);
    expect(await storedClusters(sb)).toEqual([]);
  });

  it.each(engines)('%s: host port already in use -> exit 4, nothing created', async (engine) => {
    const port = await freePort();
    const holder = await occupyPort(port);
    const name = uniqueName('port');
    try {
      const r = await sb.cli('up', '--preset', engine, '--name', name, '--image', images[engine], '--port', `${port}:80`);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`error: host port 127.0.0.1:${port} is already in use`);
      expect(r.stderr).toContain('hint: stop what listens there');
      await expectNothingOf(sb, name, engine);
    } finally {
      holder.close();
    }
  });

  it.each([
    ['kind', IMAGES.broken.kind, '[stand-in] kubeadm init: told to fail by the -broken image'],
    ['k3d', IMAGES.broken.k3d, '[stand-in] k3s server: told to fail by the -broken image'],
  ] as const)('%s: the engine fails mid-create -> exit 6 with its own words, nothing left', async (engine, image, said) => {
    const name = uniqueName('broken');
    const r = await sb.cli('up', '--preset', engine, '--name', name, '--image', image, '--timeout', '60s');
    expect(r.code).toBe(6);
    expect(r.stderr).toContain(`error: ${engine} failed to create cluster "${name}"`);
    expect(r.stderr).toContain(said);
    await expectNothingOf(sb, name, engine);
  });

  it('a cluster of that name made with kind itself -> up exits 4 and down exits 3, both saying how to delete it', async () => {
    const name = uniqueName('bare');
    const kind = join(integrationEnv().binDir, 'kind');
    await execa(kind, ['create', 'cluster', '--name', name, '--image', images.kind, '--kubeconfig', join(sb.dir, 'bare-kubeconfig')]);
    try {
      const r = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', images.kind);
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(
        `error: a kind cluster named "${name}" already exists in Docker (${name}-control-plane) and kindling has no record of it`,
      );
      expect(r.stderr).toContain(`kind delete cluster --name ${name}`);
      const d = await sb.cli('down', name, '--yes');
      expect(d.code).toBe(3);
      expect(d.stderr).toContain(
        `hint: a kind cluster of that name exists but kindling did not create it: delete it with \`kind delete cluster --name ${name}\``,
      );
      expect((await clusterObjects(name, 'kind')).containers).toEqual([`${name}-control-plane`]);
    } finally {
      await execa(kind, ['delete', 'cluster', '--name', name, '--kubeconfig', join(sb.dir, 'bare-kubeconfig')]);
    }
    await expectNothingOf(sb, name, 'kind');
  });
});

describeIntegration.each(engines)("%s: a cluster deleted behind kindling's back", (engine) => {
  it('shows as missing, never crashes a read, and up brings it back', async () => {
    const sb = await sandbox();
    const name = uniqueName(`gone-${engine}`);
    try {
      expect((await sb.cli('up', '--preset', engine, '--name', name, '--image', images[engine])).code).toBe(0);
      const bin = join(integrationEnv().binDir, engine);
      await execa(
        bin,
        engine === 'kind' ? ['delete', 'cluster', '--name', name, '--kubeconfig', join(sb.dir, 'x')] : ['cluster', 'delete', name],
        { env: sb.env },
      );
      const list = await sb.cli('list', '-o', 'json');
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout).items).toMatchObject([{ name, phase: 'missing', nodes: [] }]);
      const status = await sb.cli('status', name);
      expect(status.code).toBe(0);
      expect(status.stdout).toContain('phase:      missing (in the state store, but no container of it exists in Docker');
      const again = await sb.cli('up', '--preset', engine, '--name', name, '--image', images[engine], '-o', 'json');
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: false, status: { phase: 'running' } });
    } finally {
      expect((await sb.cli('down', name, '--yes')).code).toBe(0);
      await expectNothingOf(sb, name, engine);
      await sb.cleanup();
    }
  });
});
