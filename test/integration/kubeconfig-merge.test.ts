// The user's kubeconfig with real engines and real processes: 20 clusters created at once all land in one
// file without losing anything, and deleting them leaves the user's file byte-for-byte as it was.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const cli = resolve(import.meta.dirname, '../../bin/kindling.js');
const IMAGE = IMAGES.noApi.kind;
// As kubectl writes it, with a comment and a quoted value that must survive untouched.
const USER = `apiVersion: v1
clusters:
- cluster:
    server: https://prod.example.invalid:6443
  name: prod
contexts:
- context:
    cluster: prod
    namespace: "team-a"
    user: prod-admin
  name: prod
current-context: prod
kind: Config
preferences: {}
users:
- name: prod-admin
  user:
    token: s3cr3t # rotated monthly
`;

describeIntegration('merging into the user kubeconfig', () => {
  let sb: Sandbox;
  beforeEach(async () => {
    sb = await sandbox();
    await writeFile(sb.env.KUBECONFIG!, USER, { mode: 0o600 });
  });
  afterEach(async () => {
    await sb.cli('down', '--all', '--yes');
    await sb.cleanup();
  });

  it('20 ups in parallel (separate processes): 20 contexts, a file that parses, nothing lost; down --all restores it byte-for-byte', async () => {
    const names = Array.from({ length: 20 }, (_, i) => uniqueName(`par${i}`));
    const runs = await Promise.all(
      names.map((n) => execa('node', [cli, 'up', '--preset', 'kind', '--name', n, '--image', IMAGE, '-q'], { env: sb.env, reject: false })),
    );
    for (const r of runs) expect(r.stderr).toBe('');
    expect(runs.map((r) => r.exitCode)).toEqual(names.map(() => 0));

    const kc = parse(await readFile(sb.env.KUBECONFIG!, 'utf8'));
    expect(kc['current-context']).toBe('prod');
    expect(kc.contexts.map((c: { name: string }) => c.name).sort()).toEqual(['prod', ...names.map((n) => `kind-${n}`)].sort());
    expect(kc.clusters).toHaveLength(21);
    expect(kc.users).toHaveLength(21);

    const down = await sb.cli('down', '--all', '--yes');
    expect(down.code).toBe(0);
    expect(await readFile(sb.env.KUBECONFIG!, 'utf8')).toBe(USER);
    for (const n of names) expect((await clusterObjects(n, 'kind')).containers).toEqual([]);
  });

  it('--no-merge leaves the file alone; --switch-context switches, and down switches back', async () => {
    const quiet = uniqueName('nomerge');
    expect((await sb.cli('up', '--preset', 'kind', '--name', quiet, '--image', IMAGE, '--no-merge')).code).toBe(0);
    expect(await readFile(sb.env.KUBECONFIG!, 'utf8')).toBe(USER);

    const loud = uniqueName('switch');
    const r = await sb.cli('up', '--preset', 'kind', '--name', loud, '--image', IMAGE, '--switch-context', '-o', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).mergedInto).toBe(sb.env.KUBECONFIG);
    expect(parse(await readFile(sb.env.KUBECONFIG!, 'utf8'))['current-context']).toBe(`kind-${loud}`);

    expect((await sb.cli('down', loud, quiet, '--yes')).code).toBe(0);
    expect(await readFile(sb.env.KUBECONFIG!, 'utf8')).toBe(USER);
  });
});

describeIntegration('a broken ~/.kube/config', () => {
  it('up exits 2 naming the file and its line, rolls the cluster back and leaves the file as it was', async () => {
    const sb = await sandbox({ KUBECONFIG: undefined });
    try {
      const file = join(sb.dir, '.kube', 'config');
      const broken = `${USER}preferences: [unclosed\n`;
      await mkdir(join(sb.dir, '.kube'), { recursive: true });
      await writeFile(file, broken, { mode: 0o600 });
      const name = uniqueName('badkc');
      const r = await sb.cli('up', '--preset', 'kind', '--name', name, '--image', IMAGE);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file}:`);
      expect(r.stderr).toMatch(new RegExp(`${file.replaceAll('.', '\\.')}:\\d+:\\d+: not valid YAML`));
      expect(r.stderr).toContain('--no-merge');
      expect(r.stderr).not.toContain('a bug in kindling');
      expect(await readFile(file, 'utf8')).toBe(broken);
      expect((await clusterObjects(name, 'kind')).containers).toEqual([]);
      expect(JSON.parse((await sb.cli('list', '-o', 'json')).stdout).items).toEqual([]);
    } finally {
      await sb.cli('down', '--all', '--yes');
      await sb.cleanup();
    }
  });
});
