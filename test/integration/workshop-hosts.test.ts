// A workshop of 4 kind clusters spread over two Docker engines: the default one and a second engine on its own
// socket (its own data root, exec root, pid file and bridge range: scripts/test-env/dockerd-second.sh), registered as
// a Docker context. `workshop up --docker-contexts default,<second>` puts clusters on both (by their free memory),
// each attendee's kubeconfig (0600) answers /version, status/reset/down each reach the engine the cluster is on, and
// down leaves nothing on either engine. Starting a second engine rewrites the firewall chains both engines share, so
// this runs only in CI's engine-restart group, alone (the main engine is restarted afterwards, as
// docker-context.test.ts does), or with KINDLING_SECOND_DOCKER=1 (the second engine is then left running).
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { execa } from 'execa';
import { expect, it } from 'vitest';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { restartDocker } from '../support/integration/restart-docker.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';
import { kindNetworkInOwnRange, registerContext, startSecondDocker } from '../support/integration/second-docker.js';

const SECOND = 'kindling-ws-second';
const KIND_LABEL = 'io.x-k8s.kind.cluster';

/** kind's node containers of `name` on one engine. */
async function nodesOn(docker: Dockerode, name: string): Promise<string[]> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${KIND_LABEL}=${name}`] } });
  return found.map((c) => (c.Names[0] ?? c.Id).replace(/^\//, ''));
}

/** The workshop's steps and checks, with the second engine `other` registered as context SECOND. */
async function exercise(sb: Sandbox, name: string, main: Dockerode, other: Dockerode): Promise<void> {
  await writeFile(
    join(sb.dir, 'workshop.yaml'),
    [
      'apiVersion: kindling.dev/v1alpha1',
      'kind: Workshop',
      `name: ${name}`,
      'preset: kind',
      `image: ${IMAGES.api.kind}`,
      'count: 4',
      '',
    ].join('\n'),
  );
  const out = join(sb.dir, 'out');
  const up = await sb.cli(
    'workshop',
    'up',
    'workshop.yaml',
    '--docker-contexts',
    `default,${SECOND}`,
    '--out',
    out,
    '--parallel',
    '2',
    '--wait',
    '3m',
    '-o',
    'json',
  );
  expect(up.code, up.stderr).toBe(0);
  const result = JSON.parse(up.stdout);
  console.log(`[workshop-hosts] up in ${result.seconds.toFixed(1)} s; hosts ${JSON.stringify(result.capacity.hosts)}\n${up.stderr}`);
  const clusters = result.clusters as { cluster: string; ok: boolean; dockerContext?: string; context: string; label: string }[];
  expect(clusters.every((c) => c.ok)).toBe(true);
  const onSecond = clusters.filter((c) => c.dockerContext === SECOND).map((c) => c.cluster);
  const onMain = clusters.filter((c) => c.dockerContext === 'default').map((c) => c.cluster);
  expect(onSecond.length).toBeGreaterThan(0);
  expect(onMain.length).toBeGreaterThan(0);
  expect(onSecond.length + onMain.length).toBe(4);
  // Each cluster's node is on the engine the workshop recorded, and only there.
  for (const c of onSecond) {
    expect(await nodesOn(other, c)).toEqual([`${c}-control-plane`]);
    expect(await nodesOn(main, c)).toEqual([]);
  }
  for (const c of onMain) {
    expect(await nodesOn(main, c)).toEqual([`${c}-control-plane`]);
    expect(await nodesOn(other, c)).toEqual([]);
  }
  for (const c of clusters) {
    const file = join(out, c.label, 'kubeconfig');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const v = await execa(
      join(integrationEnv().binDir, 'kubectl'),
      ['--kubeconfig', file, '--context', c.context, 'version', '-o', 'json'],
      {
        env: sb.env,
      },
    );
    expect(JSON.parse(v.stdout).serverVersion.gitVersion).toMatch(/^v1\.\d+\.\d+/);
  }
  const status = JSON.parse((await sb.cli('workshop', 'status', '-o', 'json')).stdout).members as {
    phase: string;
    apiReachable: boolean;
  }[];
  expect(status.map((s) => [s.phase, s.apiReachable])).toEqual(clusters.map(() => ['running', true]));

  // Reset a cluster on the second engine: recreated there; the main engine's kind containers untouched.
  const target = clusters.find((c) => c.dockerContext === SECOND)!;
  const mainIds = async () => (await main.listContainers({ all: true, filters: { label: [KIND_LABEL] } })).map((c) => c.Id).sort();
  const before = await mainIds();
  const reset = await sb.cli('workshop', 'reset', target.label, '--wait', '3m');
  expect(reset.code, reset.stderr).toBe(0);
  expect(await nodesOn(other, target.cluster)).toEqual([`${target.cluster}-control-plane`]);
  expect(await nodesOn(main, target.cluster)).toEqual([]);
  expect(await mainIds()).toEqual(before);

  const down = await sb.cli('workshop', 'down', '--yes');
  expect(down.code, down.stderr).toBe(0);
  for (const c of clusters) {
    expect(await nodesOn(main, c.cluster)).toEqual([]);
    expect(await nodesOn(other, c.cluster)).toEqual([]);
  }
  expect(await readdir(sb.dir)).not.toContain('out');
}

describeIntegration('workshop over two Docker engines (kind, real API servers)', () => {
  it(
    '4 clusters spread over both engines; kubeconfigs answer; reset and down reach the right engine',
    async ({ task, skip }) => {
      // Alone in CI's engine-restart group (vitest.config.ts), or when asked for; never beside other cluster tests.
      const alone = process.env.CI === 'true' && task.file.projectName === 'engine-restart';
      if (!alone && process.env.KINDLING_SECOND_DOCKER !== '1') {
        console.log(
          '\n[workshop-hosts] SKIPPING: starts a second Docker engine: runs in the engine-restart group in CI, or set KINDLING_SECOND_DOCKER=1\n',
        );
        skip();
      }
      const main = new Dockerode({ socketPath: '/var/run/docker.sock' });
      const second = await startSecondDocker({ images: [IMAGES.api.kind] });
      const other = new Dockerode({ socketPath: second.socket });
      const config = await mkdtemp(join(tmpdir(), 'kindling-ws-docker-config-'));
      const sb = await sandbox({ DOCKER_CONFIG: config, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined });
      const name = uniqueName('wh').slice(0, 9);
      try {
        await registerContext(SECOND, second.host, config);
        await kindNetworkInOwnRange(other, '10.214.200.0/24');
        expect((await other.info()).ID).not.toBe((await main.info()).ID);
        await exercise(sb, name, main, other);
      } finally {
        await sb.cli('workshop', 'down', '--workshop', name, '--yes');
        // In CI the second engine is stopped and the main one restarted, which writes the shared firewall chains again.
        if (alone) {
          await second.stop();
          await restartDocker();
        }
        await sb.cleanup();
        await rm(config, { recursive: true, force: true });
      }
    },
    40 * 60_000,
  );
});
