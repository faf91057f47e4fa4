import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../../support/unit/cli.js';

const env = { HOME: '/nonexistent-home' };

describe('kindling presets', () => {
  it('list prints every preset with engine, source and a one-line description', async () => {
    const r = await runCli(['presets', 'list'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('NAME       ENGINE   SOURCE     DESCRIPTION');
    expect(r.stdout).toMatch(/^kind {7}kind {5}built-in {3}kind v0\.32\.0 as it ships/m);
    expect(r.stdout).toMatch(/^k3d {8}k3d {6}built-in {3}k3d v5\.9\.0 as it ships/m);
  });

  it('list -o json', async () => {
    const r = await runCli(['presets', 'list', '-o', 'json'], { env });
    expect(JSON.parse(r.stdout).items.map((p: { name: string }) => p.name)).toEqual(['k3d', 'k3s', 'kind', 'microk8s', 'minikube']);
  });

  it('show prints the resolved preset as YAML, with --set applied; an unknown preset exits 3', async () => {
    const r = await runCli(['presets', 'show', 'kind', '--set', 'nodes.workers=2'], { env });
    expect(r.code).toBe(0);
    expect(parse(r.stdout)).toMatchObject({ name: 'kind', engine: 'kind', nodes: { workers: 2 } });
    expect(r.stderr).toMatch(/^# from .*presets\/kind\.yaml\n$/);
    expect((await runCli(['presets', 'show', 'nope'], { env })).code).toBe(3);
  });

  it('plan and up take --set; a bad value exits 2 naming the flag', async () => {
    const ok = await runCli(['plan', '--preset', 'kind', '--set', 'nodes.workers=2', '-o', 'json'], { env });
    expect(JSON.parse(ok.stdout).spec.nodes.workers).toBe(2);
    const bad = await runCli(['plan', '--preset', 'kind', '--set', 'nodes.workers=two'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--set nodes.workers=two: nodes.workers: expected a number, got "two"');
  });
});
