// `state migrate`, `state show` and `unlock` between directory stores (the S3 round trip is in the integration tier).
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { localStateStore } from '../../../../src/state/local-store.js';
import { runCli } from '../../../support/unit/cli.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

const storeAt = (root: string, pid = process.pid) =>
  localStateStore(root, { now: () => new Date(), pid, hostname: hostname(), owner: 'me', isAlive: () => true, lockTtlMs: 3_600_000 });

async function filled(): Promise<string> {
  const root = join(await tmp.make(), 'a');
  const s = storeAt(root);
  const spec = { apiVersion: 'kindling.dev/v1alpha1', kind: 'ClusterSpec', name: 'dev' } as never;
  await s.writeSpec('dev', { generation: 1, spec });
  await s.appendHistory('dev', { op: 'up', operationId: 'o1', startedAt: 't', outcome: 'succeeded', steps: [] });
  await s.writeKubeconfig('dev', 'secret: yes\n');
  await s.writeSnapshotPart('dev', 's1', 'objects.json', '[]\n');
  await s.retire('dev', { op: 'down', operationId: 'o2', startedAt: 't', outcome: 'succeeded', steps: [] });
  await s.writeSpec('web', { generation: 1, spec });
  return root;
}

describe('kindling state migrate', () => {
  it('copies every file byte for byte, and refuses a target that knows one of the clusters', async () => {
    const from = await filled();
    const to = join(await tmp.make(), 'b');
    const r = await runCli(['state', 'migrate', '--from', from, '--to', to, '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ clusters: ['dev', 'web'], files: 4 });
    const [a, b] = [storeAt(from), storeAt(to)];
    expect(await b.listFiles()).toEqual(await a.listFiles());
    for (const f of await a.listFiles()) expect((await b.readFile(f))?.equals((await a.readFile(f))!), f).toBe(true);
    const again = await runCli(['state', 'migrate', '--from', from, '--to', to]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('already holds a cluster named "dev"');
    // A snapshot of a deleted cluster is a cluster's too.
    expect(await b.listSnapshots('dev')).toEqual(['s1']);
    expect(await readFile(join(to, 'deleted/dev/o2/history/000001-up.json'), 'utf8')).toContain('"operationId": "o1"');
  });
});

describe('kindling unlock and state show', () => {
  it('a live lock needs --force; state show names the holder', async () => {
    const root = await filled();
    await storeAt(root).lock('web', 'up', 'op-9');
    const shown = await runCli(['--state', root, 'state', 'show', 'web', '-o', 'json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ generation: 1, lock: { op: 'up', live: true }, history: [] });
    const refused = await runCli(['--state', root, 'unlock', 'web']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('--force');
    const forced = await runCli(['--state', root, 'unlock', 'web', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('unlocked: cluster "web" (the lock of "up"');
    expect((await runCli(['--state', root, 'unlock', 'web'])).stdout).toBe('unchanged: cluster "web" is not locked\n');
    expect((await runCli(['--state', root, 'state', 'show', 'ghost'])).code).toBe(3);
  });
});
