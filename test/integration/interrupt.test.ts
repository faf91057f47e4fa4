// The real CLI process interrupted mid-create: Ctrl-C rolls back and exits 130; a hard crash (SIGKILL)
// leaves a dead lock, after which `up` refuses with the next step and `down` removes everything.
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const cli = resolve(import.meta.dirname, '../../bin/kindling.js');

/** Waits until Docker shows a container of the cluster (the engine is mid-create). */
async function untilCreating(name: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await clusterObjects(name, 'kind')).containers.length > 0) return;
    await sleep(20);
  }
  throw new Error(`no container of ${name} appeared`);
}

/** Waits until no `kind create cluster --name <name>` process is left (an orphan after a crash). */
async function untilEngineGone(name: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ps = await execa('ps', ['-eo', 'args'], { reject: false });
    if (!ps.stdout.split('\n').some((l) => l.includes('create cluster') && l.includes(name))) return;
    await sleep(100);
  }
}

describeIntegration('interrupting up', () => {
  let sb: Sandbox;
  const made: string[] = [];
  beforeEach(async () => {
    sb = await sandbox();
  });
  afterEach(async () => {
    // A failing assertion must not leave clusters behind for later runs: remove them with kind itself.
    for (const name of made.splice(0)) {
      await execa(
        join(integrationEnv().binDir, 'kind'),
        ['delete', 'cluster', '--name', name, '--kubeconfig', join(sb.dir, 'cleanup-kubeconfig')],
        { reject: false },
      );
    }
    await sb.cleanup();
  });

  function start(name: string): ResultPromise {
    made.push(name);
    return execa('node', [cli, 'up', '--preset', 'kind', '--name', name, '--image', IMAGES.noApi.kind], { env: sb.env, reject: false });
  }

  it('Ctrl-C mid-create exits 130 and leaves nothing', async () => {
    const name = uniqueName('sigint');
    const child = start(name);
    await untilCreating(name);
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toContain('error: interrupted: what was created has been rolled back');
    await untilEngineGone(name);
    expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
    expect(await readdir(join(sb.state, 'clusters'))).toEqual([]);
  });

  it('after a crash (SIGKILL), up refuses naming the fix, status says failed, down cleans up', async () => {
    const name = uniqueName('crash');
    const child = start(name);
    await untilCreating(name);
    child.kill('SIGKILL');
    await child;
    await untilEngineGone(name);

    const again = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', IMAGES.noApi.kind);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain(`error: cluster "${name}" was left half-done by an interrupted "up"`);
    expect(again.stderr).toContain(`hint: run \`kindling down ${name}\` to remove what is left`);

    const status = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout);
    expect(status.phase).toBe('failed');

    const down = await sb.cli('down', name, '--yes');
    expect(down.code).toBe(0);
    expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
    expect(await readdir(join(sb.state, 'clusters'))).toEqual([]);
  });

  it('a second up of the same name while the first is creating is refused as busy', async () => {
    const name = uniqueName('busy');
    const first = start(name);
    await untilCreating(name);
    const second = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', IMAGES.noApi.kind);
    expect(second.code).toBe(4);
    expect(second.stderr).toContain(`error: cluster "${name}" is busy: "up" is running`);
    expect((await first).exitCode).toBe(0);
    expect((await sb.cli('down', name, '--yes')).code).toBe(0);
    expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
  });
});
