// Clusters stopped, then the Docker engine itself restarted, then started: each is `stopped` (not `missing`)
// after the restart, comes back at the same API address and passes every readiness stage. A two-node kind
// cluster also keeps its node addresses: while it is stopped a container takes the worker's address, start
// refuses naming it; once it is gone the worker gets its address back, across the engine restart too.
// The engine is restarted and the shared `kind` network made anew, so this file runs alone, after the rest
// of the integration tier (vitest.config.ts project engine-restart), and only where that is allowed (CI, or
// KINDLING_RESTART_DOCKER=1).
import { resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { clusterObjects, inspect } from '../support/integration/docker-probe.js';
import { mayRestartDocker, restartDocker } from '../support/integration/restart-docker.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const refusal = mayRestartDocker();
if (refusal) console.log(`\n[docker-restart] SKIPPING: ${refusal}\n`);
const describeRestart = integrationEnv().enabled && !refusal ? describe : describe.skip;

const cli = resolve(import.meta.dirname, '../../bin/kindling.js');
const kindAddress = async (container: string) => (await inspect(container)).NetworkSettings.Networks.kind?.IPAddress ?? '';

/** The `kind` network as kind makes it has no IPv4 subnet of its own; with no container on it, it is removed
 * so that kindling makes it (with one) before the first kind cluster. */
async function freshKindNetwork(): Promise<void> {
  const attached = await execa('docker', ['network', 'inspect', 'kind', '--format', '{{len .Containers}}'], { reject: false });
  if (attached.exitCode === 0 && attached.stdout.trim() === '0') await execa('docker', ['network', 'rm', 'kind']);
}

describeRestart('stop, restart the Docker engine, start', () => {
  let sb: Sandbox;
  const clusters = [
    { engine: 'kind' as const, name: uniqueName('restart-kind'), workers: '0' },
    { engine: 'k3d' as const, name: uniqueName('restart-k3d'), workers: '0' },
    { engine: 'kind' as const, name: uniqueName('restart-pair'), workers: '1' },
  ];
  const pair = clusters[2]!;
  const worker = `${pair.name}-worker`;
  const squatter = `${pair.name}-squatter`;
  const apis: Record<string, string> = {};
  let workerAddress = '';
  beforeAll(async () => {
    sb = await sandbox();
    await freshKindNetwork();
    // The three are made at once, in separate processes: the two kind ones race to make the missing network.
    const ups = await Promise.all(
      clusters.map((c) =>
        execa(
          'node',
          [
            cli,
            'up',
            '--preset',
            c.engine,
            '--name',
            c.name,
            '--image',
            IMAGES.api[c.engine],
            '--workers',
            c.workers,
            '--wait',
            '3m',
            '-o',
            'json',
          ],
          {
            env: sb.env,
            reject: false,
          },
        ),
      ),
    );
    for (const [i, r] of ups.entries()) {
      expect(r.exitCode, r.stderr).toBe(0);
      apis[clusters[i]!.name] = JSON.parse(r.stdout).apiServer.url;
    }
    const networks = await execa('docker', ['network', 'ls', '--filter', 'name=^kind$', '--format', '{{.Name}}']);
    expect(networks.stdout.split('\n')).toEqual(['kind']);
    workerAddress = await kindAddress(worker);
  });
  afterAll(async () => {
    await execa('docker', ['rm', '-f', squatter], { reject: false });
    await sb.cli('down', '--all', '--yes');
    for (const c of clusters) expect(await clusterObjects(c.name, c.engine)).toEqual({ containers: [], networks: [], volumes: [] });
    await sb.cleanup();
  });

  it("two-node kind: a container that took the stopped worker's address is named, and nothing starts", async () => {
    expect(workerAddress).not.toBe('');
    expect((await sb.cli('stop', pair.name)).code).toBe(0);
    await execa('docker', ['run', '-d', '--name', squatter, '--network', 'kind', '--ip', workerAddress, IMAGES.noApi.kind]);
    const refused = await sb.cli('start', pair.name, '--wait', '3m');
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(
      `node ${worker} had address ${workerAddress} on network kind, and container "${squatter}" holds it now`,
    );
    expect((await inspect(worker)).State.Running).toBe(false);
    await execa('docker', ['rm', '-f', squatter]);
  });

  it('after the restart each cluster is stopped, then starts at the same API address with every stage ready', async () => {
    for (const c of clusters.slice(0, 2)) expect((await sb.cli('stop', c.name)).code).toBe(0);
    await restartDocker();
    for (const c of clusters) {
      const status = JSON.parse((await sb.cli('status', c.name, '-o', 'json')).stdout);
      expect(status.phase, c.name).toBe('stopped');
      const r = await sb.cli('start', c.name, '--wait', '3m', '-o', 'json');
      expect(r.code, `${c.name}: ${r.stderr}`).toBe(0);
      const [started] = JSON.parse(r.stdout).items;
      expect(started).toMatchObject({ phase: 'running', apiServer: { url: apis[c.name] } });
      expect(started.readiness.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['api', 'nodes', 'dns']));
    }
    expect(await kindAddress(worker)).toBe(workerAddress);
  });
});
