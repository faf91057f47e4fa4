// The snapshot and upgrade commands on a store without Docker: what they refuse, and what they print, before
// anything would touch an engine.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveClusterSpec } from '../../../../src/plan/resolve-spec.js';
import { localStateStore } from '../../../../src/state/local-store.js';
import { runCli } from '../../../support/unit/cli.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

async function storeWithSnapshot(): Promise<string> {
  const state = join(await tmp.make(), 'state');
  const store = localStateStore(state, { now: () => new Date(0), pid: 1, hostname: 'h', owner: 'o', isAlive: () => true, lockTtlMs: 1000 });
  const spec = resolveClusterSpec(builtinPreset('kind'), { name: 'gone' }).spec;
  const objects = await store.writeSnapshotPart('gone', 's1', 'objects.json', '[]\n');
  const manifest = {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'Snapshot',
    name: 's1',
    cluster: 'gone',
    createdAt: '2026-12-06T16:30:00.000Z',
    reason: 'backup',
    consistent: false,
    kubernetesVersion: 'v1.36.1',
    spec,
    objects: 0,
    volumes: [],
    skippedClaims: [],
    parts: [objects],
  };
  await store.writeSnapshotPart('gone', 's1', 'manifest.json', JSON.stringify(manifest));
  await store.writeSnapshotPart('gone', 'half', 'objects.json', '[]\n');
  return state;
}

describe('kindling snapshot', () => {
  it('list: snapshots of deleted clusters only with --all; an unfinished one says so', async () => {
    const state = await storeWithSnapshot();
    const plain = await runCli(['--state', state, 'snapshot', 'list']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('no snapshots (--all shows those of deleted clusters)');
    const all = await runCli(['--state', state, 'snapshot', 'list', '--all', '-o', 'json']);
    expect(JSON.parse(all.stdout).items).toEqual([
      { cluster: 'gone', name: 'half', incomplete: true, clusterDeleted: true },
      {
        cluster: 'gone',
        name: 's1',
        createdAt: '2026-12-06T16:30:00.000Z',
        reason: 'backup',
        consistent: false,
        kubernetesVersion: 'v1.36.1',
        objects: 0,
        volumes: 0,
        bytes: 3,
        clusterDeleted: true,
      },
    ]);
  });

  it('delete: a snapshot that is not there is exit 3, naming the ones that are', async () => {
    const state = await storeWithSnapshot();
    const r = await runCli(['--state', state, 'snapshot', 'delete', 'gone', 'nope']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('it has: half, s1');
    expect((await runCli(['--state', state, 'snapshot', 'delete', 'gone', 'half'])).code).toBe(0);
  });

  it('up --from-snapshot: a dry run plans the snapshot spec under the new name, with the checks and the restore', async () => {
    const state = await storeWithSnapshot();
    const r = await runCli(['--state', state, 'up', '--from-snapshot', 'gone/s1', '--name', 'back', '--dry-run', '-o', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.spec.name).toBe('back');
    expect(plan.fromSnapshot).toEqual({ cluster: 'gone', snapshot: 's1' });
    expect(plan.actions.map((a: { id: string }) => a.id)).toContain('verify-snapshot');
    expect(plan.actions.at(-1).id).toBe('restore-snapshot');
    const withPreset = await runCli(['--state', state, 'up', '--from-snapshot', 'gone/s1', '--preset', 'k3d']);
    expect(withPreset.code).toBe(2);
    expect(withPreset.stderr).toContain('takes no --preset');
    const unfinished = await runCli(['--state', state, 'up', '--from-snapshot', 'gone/half']);
    expect(unfinished.code).toBe(3);
    expect(unfinished.stderr).toContain('was never finished');
  });

  it('upgrade and snapshot restore of a cluster the store does not know: exit 3', async () => {
    const state = await storeWithSnapshot();
    expect((await runCli(['--state', state, 'upgrade', 'nope', '--k8s-version', 'v1.37.0'])).code).toBe(3);
    expect((await runCli(['--state', state, 'snapshot', 'restore', 'nope', 's1'])).code).toBe(3);
  });
});
