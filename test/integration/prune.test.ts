// `prune` against real Docker: a cluster kindling made whose state-store folder was deleted behind its back is
// an orphan and goes; a cluster made with the kind binary directly (the user's own) stays. The kindling cluster
// is a k3d one: k3d nodes carry kindling's labels (--runtime-label), kind nodes cannot, so a kind cluster
// the store has forgotten looks exactly like the user's own and prune rightly leaves it alone.
// The real runs name their clusters (`prune NAME...`): other test files' clusters live in this Docker too.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PruneResult } from '../../src/api/prune.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const names = (entries: { name: string }[]) => entries.map((e) => e.name).sort();

describeIntegration('prune', () => {
  let sb: Sandbox;
  const orphan = uniqueName('prune-k3d');
  const bare = uniqueName('prune-kind');
  const kind = () => join(integrationEnv().binDir, 'kind');

  beforeAll(async () => {
    sb = await sandbox();
    sb.env.TMPDIR = join(sb.dir, 'tmp');
    await mkdir(sb.env.TMPDIR);
  });
  afterAll(async () => {
    await execa(kind(), ['delete', 'cluster', '--name', bare, '--kubeconfig', join(sb.dir, 'bare-kubeconfig')], {
      env: sb.env,
      reject: false,
    });
    await forceDelete(sb, orphan, 'k3d');
    expect(await clusterObjects(bare, 'kind')).toEqual({ containers: [], networks: [], volumes: [] });
    await sb.cleanup();
  });

  it("removes the objects of a cluster the store lost, never the user's own kind cluster", async () => {
    const up = await sb.cli('up', '--preset', 'k3d', '--name', orphan, '--image', IMAGES.noApi.k3d, '--no-merge');
    expect(up.code, up.stderr).toBe(0);
    const made = await execa(
      kind(),
      ['create', 'cluster', '--name', bare, '--image', IMAGES.noApi.kind, '--kubeconfig', join(sb.dir, 'bare-kubeconfig')],
      { env: sb.env, reject: false, all: true },
    );
    expect(made.exitCode, made.all).toBe(0);
    const objects = await clusterObjects(orphan, 'k3d');
    expect(objects.containers.length).toBeGreaterThan(0);
    expect(objects.networks).toEqual([`k3d-${orphan}`]);
    await rm(join(sb.state, 'clusters', orphan), { recursive: true });

    // Everything prune would remove in this Docker includes the orphan's objects and nothing of the user's cluster.
    const all = await sb.cli('prune', '--dry-run', '-o', 'json');
    expect(all.code, all.stderr).toBe(0);
    const everything: PruneResult = JSON.parse(all.stdout);
    expect(names(everything.removed.containers)).toEqual(expect.arrayContaining(objects.containers));
    expect(everything.removed.containers.filter((c) => c.cluster === bare || c.name.startsWith(bare))).toEqual([]);

    const dry = await sb.cli('prune', '--dry-run', '-o', 'json', orphan, bare);
    const planned: PruneResult = JSON.parse(dry.stdout);
    expect(planned).toMatchObject({ apiVersion: 'kindling.dev/v1alpha1', kind: 'PruneResult', dryRun: true, notes: [] });
    expect(names(planned.removed.containers)).toEqual(objects.containers);
    expect(names(planned.removed.networks)).toEqual([`k3d-${orphan}`]);
    expect(names(planned.removed.volumes)).toEqual([`k3d-${orphan}-images`]);
    expect(planned.removed.containers.every((c) => c.reason === `cluster ${orphan}: not in the state store`)).toBe(true);
    expect(await clusterObjects(orphan, 'k3d')).toEqual(objects);

    const real = await sb.cli('prune', '-o', 'json', orphan, bare);
    expect(real.code, real.stderr).toBe(0);
    expect(JSON.parse(real.stdout)).toEqual({ ...planned, dryRun: false });
    expect(await clusterObjects(orphan, 'k3d')).toEqual({ containers: [], networks: [], volumes: [] });
    expect((await clusterObjects(bare, 'kind')).containers).toEqual([`${bare}-control-plane`]);

    const again = await sb.cli('prune', orphan, bare);
    expect(again.stdout).toBe('nothing to prune\n');
  });
});
