// Add-ons through the real API: manifests pinned by sha256, taken from --addons-from or downloaded from a
// loopback HTTP server (the corpus copy of local-path-provisioner), server-side applied, and waited for.
// A checksum mismatch applies nothing and leaves nothing.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';
import { corpusFile } from '../support/integration/shared.js';

const manifest = corpusFile('local-path-provisioner__local-path-storage.yaml');
const HEAD = 'apiVersion: kindling.dev/v1alpha1\nkind: Preset\n';

async function serve(file: string): Promise<{ server: Server; url: string }> {
  const body = await readFile(file);
  const server = createServer((req, res) => {
    if (req.url === '/local-path-storage.yaml') res.end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${addr.port}/local-path-storage.yaml` };
}

describeIntegration.skipIf(!manifest)('add-ons', () => {
  let sb: Sandbox;
  const made: { name: string; engine: 'kind' | 'k3d' }[] = [];
  beforeEach(async () => {
    sb = await sandbox();
    await mkdir(join(sb.env.XDG_CONFIG_HOME!, 'kindling', 'presets'), { recursive: true });
  });
  afterEach(async () => {
    for (const { name, engine } of made.splice(0)) {
      if ((await sb.cli('down', name, '--yes')).code !== 0) await forceDelete(sb, name, engine);
    }
    await sb.cleanup();
  });
  const preset = (name: string, body: string) =>
    writeFile(join(sb.env.XDG_CONFIG_HOME!, 'kindling', 'presets', `${name}.yaml`), `${HEAD}${body}`);
  const kubectl = (context: string, ...args: string[]) =>
    execa(join(integrationEnv().binDir, 'kubectl'), ['--context', context, ...args], { env: sb.env, reject: false });

  async function expectStorage(context: string): Promise<void> {
    const sc = JSON.parse((await kubectl(context, 'get', 'storageclass', 'local-path', '-o', 'json', '--show-managed-fields')).stdout);
    expect(sc).toMatchObject({ provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer', reclaimPolicy: 'Delete' });
    const managers = sc.metadata.managedFields.map((f: { manager: string; operation: string }) => `${f.manager}/${f.operation}`);
    expect(managers).toContain('kindling/Apply');
  }

  it('kind, --addons-from: applied server-side and waited for', async () => {
    const name = uniqueName('addon-kind');
    made.push({ name, engine: 'kind' });
    await preset('kind-storage', 'name: kind-storage\nextends: kind\naddons: [local-path-provisioner]\n');
    const from = join(sb.dir, 'addons');
    await mkdir(from);
    await copyFile(manifest!, join(from, 'local-path-storage.yaml'));
    const r = await sb.cli(
      'up',
      '--preset',
      'kind-storage',
      '--name',
      name,
      '--image',
      IMAGES.api.kind,
      '--wait',
      '2m',
      '--timeout',
      '90s',
      '--addons-from',
      from,
      '-o',
      'json',
    );
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.code).toBe(0);
    const stages = JSON.parse(r.stdout).readiness;
    expect(stages.map((s: { id: string }) => s.id)).toEqual(['api', 'nodes', 'dns', 'addons', 'storage']);
    expect(stages[3].saw).toBe('1 add-on deployment(s) available');
    await expectStorage(`kind-${name}`);
  });

  it('k3d, downloaded from its URL once, verified and cached', async () => {
    const name = uniqueName('addon-k3d');
    made.push({ name, engine: 'k3d' });
    const { server, url } = await serve(manifest!);
    try {
      const sha = createHash('sha256')
        .update(await readFile(manifest!))
        .digest('hex');
      await preset(
        'k3d-storage',
        `name: k3d-storage\nextends: k3d\naddons: [lp]\ncustomAddons:\n  - name: lp\n    manifests:\n      - url: ${url}\n        sha256: ${sha}\n    ready:\n      - namespace: local-path-storage\n        deployment: local-path-provisioner\n`,
      );
      const r = await sb.cli(
        'up',
        '--preset',
        'k3d-storage',
        '--name',
        name,
        '--image',
        IMAGES.api.k3d,
        '--wait',
        '2m',
        '--timeout',
        '90s',
      );
      expect(r.stderr).not.toMatch(/^error/m);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('ready:      add-ons Available (lp)');
      expect(await readdir(join(sb.env.XDG_CACHE_HOME!, 'kindling', 'addons'))).toEqual([`${sha}.yaml`]);
      await expectStorage(`k3d-${name}`);
    } finally {
      server.close();
    }
  });

  it('a checksum mismatch exits 5, applies nothing and leaves nothing', async () => {
    const name = uniqueName('addon-bad');
    const { server, url } = await serve(manifest!);
    try {
      await preset(
        'bad',
        `name: bad\nextends: kind\naddons: [lp]\ncustomAddons:\n  - name: lp\n    manifests:\n      - url: ${url}\n        sha256: "${'0'.repeat(64)}"\n`,
      );
      const r = await sb.cli('up', '--preset', 'bad', '--name', name, '--image', IMAGES.noApi.kind);
      expect(r.code).toBe(5);
      expect(r.stderr).toContain(`error: ${url} has sha256 `);
      expect(r.stderr).toContain(`, but ${url} is pinned to ${'0'.repeat(64)}; nothing was applied`);
      expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
      expect(existsSync(join(sb.state, 'clusters', name))).toBe(false);
    } finally {
      server.close();
    }
  });
});
