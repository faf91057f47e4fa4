// `workshop reset` in place, on a workshop of 2 k3d clusters with real API servers: the attendee adds a namespace
// with a ConfigMap, adds a ConfigMap beside the starting one and edits the starting one (a value changed, a key
// added by another field manager); the reset brings the starting object back exactly, removes what was added,
// leaves every node container as it was (same ids: nothing re-created) and the attendee's kubeconfig file
// byte-identical and still answering /version, and does not touch the other attendee. A second reset finds nothing
// to change. Then `--recreate`, for the time it takes by comparison (new containers, new kubeconfig).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { containersWithLabels } from '../support/integration/docker-probe.js';
import { attendeeKubectl, attendeeKubectlOk, WORKSHOP_START } from '../support/integration/attendee.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { forceDelete, sandbox, uniqueName } from '../support/integration/sandbox.js';

/** Each node container of the clusters as `name id created`. */
async function nodeContainers(clusters: readonly string[]): Promise<string[]> {
  return (await containersWithLabels({ 'k3d.cluster': '' }))
    .filter((c) => clusters.includes(c.Labels['k3d.cluster'] ?? ''))
    .map((c) => `${c.Names[0]} ${c.Id} ${c.Created}`)
    .sort();
}

describeIntegration('workshop reset in place (k3d, real API servers)', () => {
  it(
    'brings the starting objects back and removes what was added, same containers, same kubeconfig, others untouched',
    async () => {
      const sb = await sandbox();
      const name = uniqueName('wr').slice(0, 9);
      const [ann, bob] = [`${name}-ann`, `${name}-bob`];
      try {
        await writeFile(join(sb.dir, 'start.yaml'), WORKSHOP_START);
        const out = join(sb.dir, 'handouts');
        const up = await sb.cli(
          ...['workshop', 'up', '--prefix', name, '--attendee', 'ann', '--attendee', 'bob', '--preset', 'k3d'],
          ...['--image', IMAGES.api.k3d, '--manifest', 'start.yaml', '--out', out, '--parallel', '2', '--wait', '3m', '-o', 'json'],
        );
        expect(up.code, up.stderr).toBe(0);
        const [annFile, bobFile] = [join(out, 'ann', 'kubeconfig'), join(out, 'bob', 'kubeconfig')];
        const [annCtx, bobCtx] = [`k3d-${ann}`, `k3d-${bob}`];
        const annKubeconfig = await readFile(annFile);
        const containers = await nodeContainers([ann, bob]);
        expect(containers.length).toBeGreaterThanOrEqual(2);

        // Ann works: a namespace of her own with a ConfigMap, a ConfigMap beside the starting one, and the
        // starting one edited (a value changed with apply, a key added by `kubectl patch`, another field manager).
        await attendeeKubectlOk(sb.env, annFile, annCtx, ['create', 'namespace', 'scratch']);
        await attendeeKubectlOk(sb.env, annFile, annCtx, ['-n', 'scratch', 'create', 'configmap', 'notes', '--from-literal=x=1']);
        await attendeeKubectlOk(sb.env, annFile, annCtx, ['-n', 'lab', 'create', 'configmap', 'added', '--from-literal=y=2']);
        await attendeeKubectlOk(sb.env, annFile, annCtx, [
          '-n',
          'lab',
          'patch',
          'configmap',
          'welcome',
          '--type=merge',
          '-p',
          '{"data":{"step":"7","extra":"x"}}',
        ]);
        await attendeeKubectlOk(sb.env, bobFile, bobCtx, ['-n', 'lab', 'create', 'configmap', 'bobs-work', '--from-literal=x=2']);

        const reset = await sb.cli('workshop', 'reset', 'ann', '--verbose', '-o', 'json');
        expect(reset.code, reset.stderr).toBe(0);
        const r = JSON.parse(reset.stdout);
        const phases = reset.stderr.split('\n').filter((l) => !l.startsWith('debug: ') || l.includes(': reset: '));
        console.log(`[workshop-reset] in place: ${r.seconds.toFixed(1)} s, ${JSON.stringify(r.changes)}\n${phases.join('\n')}`);
        expect(r).toMatchObject({
          cluster: ann,
          snapshot: 'workshop-start',
          inPlace: true,
          kubeconfig: annFile,
          kubeconfigRewritten: false,
        });
        expect(r.changes).toMatchObject({ deletedNamespaces: ['scratch'], deleted: 1, applied: 1, recreated: 1 });

        // Ann's cluster is as it started.
        expect(
          JSON.parse(await attendeeKubectlOk(sb.env, annFile, annCtx, ['-n', 'lab', 'get', 'configmap', 'welcome', '-o', 'json'])).data,
        ).toEqual({
          step: '1',
        });
        expect(await attendeeKubectlOk(sb.env, annFile, annCtx, ['-n', 'lab', 'get', 'configmap', '-o', 'name'])).not.toContain('added');
        const ns = await attendeeKubectl(sb.env, annFile, annCtx, ['get', 'namespace', 'scratch']);
        expect(ns.exitCode).not.toBe(0);
        expect(ns.stderr).toContain('NotFound');
        // Not re-created: the same containers; the same kubeconfig bytes, still answering /version.
        expect(await nodeContainers([ann, bob])).toEqual(containers);
        expect((await readFile(annFile)).equals(annKubeconfig)).toBe(true);
        expect(JSON.parse(await attendeeKubectlOk(sb.env, annFile, annCtx, ['version', '-o', 'json'])).serverVersion.gitVersion).toMatch(
          /^v1\.\d+\.\d+/,
        );
        // Bob's work is still there.
        expect(
          await attendeeKubectlOk(sb.env, bobFile, bobCtx, ['-n', 'lab', 'get', 'configmap', 'bobs-work', '-o', 'jsonpath={.data.x}']),
        ).toBe('2');

        // A second reset finds nothing to change.
        const again = await sb.cli('workshop', 'reset', 'ann', '-o', 'json');
        expect(again.code, again.stderr).toBe(0);
        const a = JSON.parse(again.stdout);
        console.log(`[workshop-reset] in place, nothing to change: ${a.seconds.toFixed(1)} s`);
        expect(a).toMatchObject({ inPlace: true, changes: { deletedNamespaces: [], deleted: 0, applied: 0, recreated: 0 } });
        console.log(`[workshop-reset] text: ${(await sb.cli('workshop', 'reset', 'ann')).stdout}`);

        // The re-create, for comparison: new containers and a new kubeconfig for Ann, Bob's untouched.
        const recreate = await sb.cli('workshop', 'reset', 'ann', '--recreate', '--wait', '3m', '-o', 'json');
        expect(recreate.code, recreate.stderr).toBe(0);
        const c = JSON.parse(recreate.stdout);
        console.log(`[workshop-reset] re-create: ${c.seconds.toFixed(1)} s\n${recreate.stderr}`);
        console.log(`[workshop-reset] text: ${(await sb.cli('workshop', 'reset', 'ann', '--recreate', '--wait', '3m')).stdout}`);
        expect(c).toMatchObject({ inPlace: false, reason: 'asked for (--recreate)', kubeconfigRewritten: true });
        expect((await nodeContainers([bob])).sort()).toEqual(containers.filter((l) => l.includes(`k3d-${bob}-`)));
        expect(await nodeContainers([ann])).not.toEqual(containers.filter((l) => l.includes(`k3d-${ann}-`)));
        expect(
          await attendeeKubectlOk(sb.env, annFile, annCtx, ['-n', 'lab', 'get', 'configmap', 'welcome', '-o', 'jsonpath={.data.step}']),
        ).toBe('1');

        const down = await sb.cli('workshop', 'down', '--yes');
        expect(down.code, down.stderr).toBe(0);
      } finally {
        for (const c of [ann, bob]) await forceDelete(sb, c, 'k3d');
        await sb.cleanup();
      }
    },
    20 * 60_000,
  );
});
