// Simultaneous commands, as separate processes on the real engine: two `up` of one name give exactly one cluster and
// one "busy" refusal (exit 4); ten `up` of distinct names give ten clusters and a kubeconfig that holds exactly their
// ten contexts (the kubectl lock on the kubeconfig serialises the merges).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clusterObjects } from '../support/integration/docker-probe.js';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

const cli = resolve(import.meta.dirname, '../../bin/kindling.js');

describeIntegration('simultaneous up', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await sandbox();
  });
  afterAll(async () => {
    const d = await sb.cli('down', '--all', '--yes');
    expect(d.code, d.stderr).toBe(0);
    await sb.cleanup();
  });

  const up = (name: string) =>
    execa('node', [cli, 'up', '--preset', 'kind', '--name', name, '--image', IMAGES.noApi.kind, '-q'], { env: sb.env, reject: false });

  it('two of one name: one cluster, one "busy" refusal (exit 4)', async () => {
    const name = uniqueName('twice');
    const results = await Promise.all([up(name), up(name)]);
    const codes = results.map((r) => r.exitCode).sort();
    expect(codes, results.map((r) => r.stderr).join('\n')).toEqual([0, 4]);
    const refused = results.find((r) => r.exitCode === 4)!;
    expect(refused.stderr).toMatch(new RegExp(`cluster "${name}" is busy|lock`));
    expect((await clusterObjects(name, 'kind')).containers).toHaveLength(1);
  });

  it('ten of distinct names: ten clusters, and the kubeconfig holds exactly their ten contexts', async () => {
    const names = Array.from({ length: 10 }, (_, i) => uniqueName(`ten${i}`));
    const results = await Promise.all(names.map(up));
    for (const [i, r] of results.entries()) expect(r.exitCode, `${names[i]}: ${r.stderr}`).toBe(0);
    for (const name of names) expect((await clusterObjects(name, 'kind')).containers).toHaveLength(1);
    const kubeconfig = parse(await readFile(sb.env.KUBECONFIG!, 'utf8'));
    const contexts: string[] = kubeconfig.contexts.map((c: { name: string }) => c.name);
    expect(contexts.filter((c) => c.startsWith('kind-ten')).sort()).toEqual(names.map((n) => `kind-${n}`).sort());
    console.log(`ten simultaneous up: ${names.length} clusters, kubeconfig contexts: ${contexts.length}`);
  });
});
