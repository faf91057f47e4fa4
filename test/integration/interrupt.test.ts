// The real CLI process interrupted mid-create: Ctrl-C or SIGTERM rolls back and exits 130; a hard crash (SIGKILL)
// leaves a dead lock and the operation's journal, from which the next `up` stops the orphaned engine, rolls the
// interrupted one back (saying so in one line) and creates the cluster.
import { readdir, readFile } from 'node:fs/promises';
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

  it('SIGTERM mid-create is handled like Ctrl-C: exit 130, nothing left', async () => {
    const name = uniqueName('sigterm');
    const child = start(name);
    await untilCreating(name);
    child.kill('SIGTERM');
    const r = await child;
    expect(r.exitCode).toBe(130);
    await untilEngineGone(name);
    expect(await clusterObjects(name, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
    expect(await readdir(join(sb.state, 'clusters'))).toEqual([]);
  });

  it('after a crash (SIGKILL), the next up stops the orphaned engine, rolls the interrupted up back in one line, and creates', async () => {
    const name = uniqueName('crash');
    const child = start(name);
    await untilCreating(name);
    child.kill('SIGKILL');
    await child;
    // The journal the killed up left: what it meant to do and how far it got.
    const journal = JSON.parse(await readFile(join(sb.state, 'clusters', name, 'operation.json'), 'utf8'));
    expect(journal).toMatchObject({ op: 'up', completed: expect.arrayContaining(['preflight']) });
    expect(journal.intended).toContain('create-cluster');

    const again = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', IMAGES.noApi.kind);
    expect(again.code, again.stderr).toBe(0);
    console.log(`after SIGKILL, the next up said: ${again.stderr.split('\n').find((l) => l.includes('an interrupted'))}`);
    expect(again.stderr).toMatch(
      new RegExp(`warning: an interrupted "up" of "${name}" \\(pid \\d+ on [^)]+\\) stopped after \\d+ of \\d+ steps.*: rolled back`),
    );
    await untilEngineGone(name);
    const status = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout);
    expect(status.phase).toBe('running');
    const history = (await sb.cli('state', 'show', name, '-o', 'json')).stdout;
    expect(history).not.toContain('operation.json');

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
