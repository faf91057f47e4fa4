// A workshop of 5 k3d clusters on one Docker engine, with a real API server in each: `workshop up` from a file
// (attendee names made DNS-safe, a starting manifest, 3 made at once), every attendee's kubeconfig 0600 and its
// context answering /version, `workshop status`, `workshop reset` of one attendee back to the starting snapshot
// while another's cluster is left exactly as it was, and `workshop down` leaving no container, network or volume
// of the workshop. Then the capacity refusal, with the free memory figure injected: nothing is made.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { workshopUp } from '../../src/api/workshop.js';
import { GiB } from '../../src/doctor/bytes.js';
import type { HostFacts } from '../../src/doctor/host-facts.js';
import { EnvironmentError } from '../../src/errors.js';
import { clusterObjects, containersWithLabels } from '../support/integration/docker-probe.js';
import { attendeeKubectlOk, WORKSHOP_START } from '../support/integration/attendee.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName } from '../support/integration/sandbox.js';

describeIntegration('workshop of 5 on one Docker engine (k3d, real API servers)', () => {
  it(
    'up from a file, kubeconfigs 0600 answering /version, status, reset of one leaves the others, down leaves nothing',
    async () => {
      const sb = await sandbox();
      const name = uniqueName('ws').slice(0, 9);
      const attendees = ['Zoë Smith', 'bob', 'Bob', 'Ann-Marie O’Neill', 'dev 5'];
      const clusters = ['zoe-smith', 'bob', 'bob-2', 'ann-marie-o-neill', 'dev-5'].map((l) => `${name}-${l}`);
      try {
        await writeFile(join(sb.dir, 'start.yaml'), WORKSHOP_START);
        await writeFile(
          join(sb.dir, 'workshop.yaml'),
          [
            'apiVersion: kindling.dev/v1alpha1',
            'kind: Workshop',
            `name: ${name}`,
            'preset: k3d',
            `image: ${IMAGES.api.k3d}`,
            `attendees: ${JSON.stringify(attendees)}`,
            'manifests: [start.yaml]',
            '',
          ].join('\n'),
        );
        const out = join(sb.dir, 'handouts');
        const up = await sb.cli('workshop', 'up', 'workshop.yaml', '--out', out, '--parallel', '3', '--wait', '3m', '-o', 'json');
        expect(up.code, up.stderr).toBe(0);
        console.log(`[workshop] up progress:\n${up.stderr}`);
        const result = JSON.parse(up.stdout);
        expect(result).toMatchObject({ kind: 'WorkshopUpResult', workshop: name, parallel: 3, outDir: out });
        expect(result.clusters.map((c: { cluster: string; ok: boolean }) => [c.cluster, c.ok])).toEqual(clusters.map((c) => [c, true]));
        console.log(`[workshop] 5 clusters in ${result.seconds.toFixed(1)} s; ${result.capacity.message}`);
        // One progress line per step of each cluster, each ending ready.
        for (const c of clusters)
          expect(up.stderr).toMatch(new RegExp(`^${c}: ready in [\\d.]+ s \\(context k3d-${c}, 2 objects applied\\)$`, 'm'));

        // Every kubeconfig is 0600 and its context answers /version, with the starting state in it.
        const files = (await readdir(out)).sort();
        expect(files).toEqual(['INDEX.md', ...clusters.map((c) => c.slice(name.length + 1))].sort());
        for (const c of clusters) {
          const file = join(out, c.slice(name.length + 1), 'kubeconfig');
          expect((await stat(file)).mode & 0o777, file).toBe(0o600);
          const version = JSON.parse(await attendeeKubectlOk(sb.env, file, `k3d-${c}`, ['version', '-o', 'json']));
          expect(version.serverVersion.gitVersion).toMatch(/^v1\.\d+\.\d+/);
          expect(
            await attendeeKubectlOk(sb.env, file, `k3d-${c}`, ['-n', 'lab', 'get', 'configmap', 'welcome', '-o', 'jsonpath={.data.step}']),
          ).toBe('1');
          expect(await readFile(join(out, c.slice(name.length + 1), 'README.md'), 'utf8')).toContain(`kubectl --context k3d-${c} version`);
        }
        expect(await readFile(join(out, 'INDEX.md'), 'utf8')).toContain('| Zoë Smith |');

        const status = await sb.cli('workshop', 'status', '-o', 'json');
        expect(status.code, status.stderr).toBe(0);
        const rows = JSON.parse(status.stdout).members as { cluster: string; phase: string; apiReachable: boolean }[];
        expect(rows.map((r) => [r.cluster, r.phase, r.apiReachable])).toEqual(clusters.map((c) => [c, 'running', true]));
        console.log(`[workshop] status:\n${(await sb.cli('workshop', 'status')).stdout}`);

        // Attendee zoe-smith breaks her cluster; bob changes his. Reset zoe-smith: hers is back, bob's untouched.
        const [zoe, bob] = [clusters[0]!, clusters[1]!];
        const zoeFile = join(out, 'zoe-smith', 'kubeconfig');
        const bobFile = join(out, 'bob', 'kubeconfig');
        await attendeeKubectlOk(sb.env, zoeFile, `k3d-${zoe}`, ['-n', 'lab', 'delete', 'configmap', 'welcome']);
        await attendeeKubectlOk(sb.env, zoeFile, `k3d-${zoe}`, ['-n', 'lab', 'create', 'configmap', 'scratch', '--from-literal=x=1']);
        await attendeeKubectlOk(sb.env, bobFile, `k3d-${bob}`, ['-n', 'lab', 'create', 'configmap', 'bobs-work', '--from-literal=x=2']);
        const others = async () =>
          (await containersWithLabels({ 'k3d.cluster': '' }))
            .filter((c) => clusters.slice(1).includes(c.Labels['k3d.cluster'] ?? ''))
            .map((c) => `${c.Names[0]} ${c.Id} ${c.Created}`)
            .sort();
        const before = await others();
        const reset = await sb.cli('workshop', 'reset', 'Zoë Smith', '--wait', '3m', '-o', 'json');
        expect(reset.code, reset.stderr).toBe(0);
        const r = JSON.parse(reset.stdout);
        console.log(`[workshop] reset of ${zoe}: ${r.seconds.toFixed(1)} s`);
        expect(r).toMatchObject({ cluster: zoe, snapshot: 'workshop-start', kubeconfig: zoeFile });
        expect((await stat(zoeFile)).mode & 0o777).toBe(0o600);
        expect(
          await attendeeKubectlOk(sb.env, zoeFile, `k3d-${zoe}`, [
            '-n',
            'lab',
            'get',
            'configmap',
            'welcome',
            '-o',
            'jsonpath={.data.step}',
          ]),
        ).toBe('1');
        expect(await attendeeKubectlOk(sb.env, zoeFile, `k3d-${zoe}`, ['-n', 'lab', 'get', 'configmap', '-o', 'name'])).not.toContain(
          'scratch',
        );
        expect(await others()).toEqual(before);
        expect(
          await attendeeKubectlOk(sb.env, bobFile, `k3d-${bob}`, [
            '-n',
            'lab',
            'get',
            'configmap',
            'bobs-work',
            '-o',
            'jsonpath={.data.x}',
          ]),
        ).toBe('2');

        const down = await sb.cli('workshop', 'down', '--yes');
        expect(down.code, down.stderr).toBe(0);
        expect(down.stdout).toContain(`deleted: workshop ${name}: 5 cluster(s)`);
        for (const c of clusters) expect(await clusterObjects(c, 'k3d'), c).toEqual({ containers: [], networks: [], volumes: [] });
        expect(await readdir(sb.dir)).not.toContain('handouts');
        expect((await sb.cli('list', '-o', 'json')).stdout).not.toContain(name);
        expect((await sb.cli('workshop', 'status')).code).toBe(3);
      } finally {
        for (const c of clusters) await forceDelete(sb, c, 'k3d');
        await sb.cleanup();
      }
    },
    20 * 60_000,
  );

  it('refuses a workshop that does not fit, saying how many do, and makes nothing', async () => {
    const sb = await sandbox();
    const name = uniqueName('wsf').slice(0, 10);
    const host: HostFacts = {
      inotify: async () => ({ maxUserWatches: 524288, maxUserInstances: 512 }),
      routes: async () => [],
      memory: async () => ({ available: GiB, total: 2 * GiB }),
      disk: async () => undefined,
    };
    try {
      const err = await workshopUp({ ...sb.options, name, count: 5, preset: 'k3d', image: IMAGES.api.k3d, hostFacts: host }).catch(
        (e) => e,
      );
      expect(err).toBeInstanceOf(EnvironmentError);
      expect(err.exitCode).toBe(5);
      expect(err.message).toBe(`workshop "${name}" does not fit: 5 clusters need about 3.0 GiB, 1.0 GiB free: at most 1 fit`);
      expect(err.hint).toContain('--force');
      expect(await containersWithLabels({ 'k3d.cluster': `${name}-01` })).toEqual([]);
      expect(JSON.parse((await sb.cli('list', '-o', 'json')).stdout).items ?? []).toEqual([]);
    } finally {
      await sb.cleanup();
    }
  });
});
