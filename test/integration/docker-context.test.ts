// The Docker engine a Docker context names is the one kindling and the engine binaries use: a second Docker engine
// on its own socket, registered with the real `docker context create`, chosen through DOCKER_CONTEXT (kind), through
// config.json's currentContext (k3d) and through --docker-context; each cluster's containers are found on the
// second engine and not on the default one, asked through both engines' APIs. Runs in the engine-restart group
// (alone, after the rest), and like the other files there only in CI or with KINDLING_RESTART_DOCKER=1: starting and
// stopping a second engine touches the host's bridges and the firewall chains both engines share, so afterwards the
// main engine is restarted, which writes its rules again (published ports of new containers depend on them).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { integrationEnv } from '../support/integration/env.js';
import { mayRestartDocker, restartDocker } from '../support/integration/restart-docker.js';
import { IMAGES } from '../support/integration/images.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';
import { registerContext, startSecondDocker, type SecondDocker } from '../support/integration/second-docker.js';

const CONTEXT = 'kindling-second';
const LABELS = { kind: 'io.x-k8s.kind.cluster', k3d: 'k3d.cluster' } as const;

/** Names of the containers an engine holds for a cluster. */
async function containersOn(docker: Dockerode, engine: 'kind' | 'k3d', name: string): Promise<string[]> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${LABELS[engine]}=${name}`] } });
  return found.map((c) => (c.Names[0] ?? c.Id).replace(/^\//, '')).sort();
}

const refusal = mayRestartDocker();
if (refusal) console.log(`\n[docker-context] SKIPPING: ${refusal}\n`);
const describeContexts = integrationEnv().enabled && !refusal ? describe : describe.skip;

describeContexts('a Docker context chooses the engine', () => {
  let second: SecondDocker;
  let secondApi: Dockerode;
  const defaultApi = new Dockerode({ socketPath: '/var/run/docker.sock' });
  let config: string;
  let sb: Sandbox;
  const made: { engine: 'kind' | 'k3d'; name: string }[] = [];

  /** Prints which daemon holds the cluster, by each engine's ID, for the record. */
  const evidence = async (how: string, engine: 'kind' | 'k3d', name: string) => {
    const [a, b] = [await secondApi.info(), await defaultApi.info()];
    console.log(
      `${how}: ${engine} cluster ${name}: second engine ${a.ID} (${second.host}) holds [${(await containersOn(secondApi, engine, name)).join(', ')}]; default engine ${b.ID} holds [${(await containersOn(defaultApi, engine, name)).join(', ')}]`,
    );
  };

  beforeAll(async () => {
    second = await startSecondDocker({
      images: [IMAGES.noApi.kind, IMAGES.noApi.k3d, 'ghcr.io/k3d-io/k3d-proxy:5.9.0', 'ghcr.io/k3d-io/k3d-tools:5.9.0'],
    });
    secondApi = new Dockerode({ socketPath: second.socket });
    config = await mkdtemp(join(tmpdir(), 'kindling-docker-config-'));
    await registerContext(CONTEXT, second.host, config);
    // No DOCKER_HOST: the context is the only thing that points away from the default socket.
    sb = await sandbox({ DOCKER_CONFIG: config, DOCKER_HOST: undefined, DOCKER_CONTEXT: undefined });
    expect((await secondApi.info()).ID).not.toBe((await defaultApi.info()).ID);
  }, 20 * 60_000);

  afterAll(async () => {
    for (const { engine, name } of made) {
      await sb.cli('--docker-context', CONTEXT, 'down', name, '--yes');
      expect(await containersOn(secondApi, engine, name)).toEqual([]);
    }
    await second?.stop();
    // restartDocker also deletes any bridge the two engines left that no network owns.
    await restartDocker();
    await sb?.cleanup();
    if (config) await rm(config, { recursive: true, force: true });
  }, 10 * 60_000);

  it('DOCKER_CONTEXT: a kind cluster is made on the engine the context names, not the default one', async () => {
    const name = uniqueName('ctx-kind');
    made.push({ engine: 'kind', name });
    sb.env.DOCKER_CONTEXT = CONTEXT;
    try {
      const r = await sb.cli('-v', 'up', '--preset', 'kind', '--name', name, '--image', IMAGES.noApi.kind, '--no-merge');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`docker: using ${second.host} (DOCKER_CONTEXT=${CONTEXT}`);
    } finally {
      delete sb.env.DOCKER_CONTEXT;
    }
    expect(await containersOn(secondApi, 'kind', name)).toEqual([`${name}-control-plane`]);
    expect(await containersOn(defaultApi, 'kind', name)).toEqual([]);
    await evidence('DOCKER_CONTEXT', 'kind', name);
  });

  it("config.json's currentContext: a k3d cluster is made there too; --docker-context names it explicitly", async () => {
    const name = uniqueName('ctx-k3d');
    made.push({ engine: 'k3d', name });
    await writeFile(join(config, 'config.json'), `${JSON.stringify({ currentContext: CONTEXT })}\n`);
    try {
      const r = await sb.cli('up', '--preset', 'k3d', '--name', name, '--image', IMAGES.noApi.k3d, '--no-merge');
      expect(r.code, r.stderr).toBe(0);
    } finally {
      await writeFile(join(config, 'config.json'), '{}\n');
    }
    expect(await containersOn(secondApi, 'k3d', name)).toContain(`k3d-${name}-server-0`);
    expect(await containersOn(defaultApi, 'k3d', name)).toEqual([]);
    await evidence('currentContext', 'k3d', name);
    // Without the context, kindling talks to the default engine, where the cluster is not.
    const there = JSON.parse((await sb.cli('--docker-context', CONTEXT, 'status', name, '-o', 'json')).stdout);
    expect(there.phase).toBe('running');
    const here = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout);
    expect(here.phase).toBe('missing');
  });
});
