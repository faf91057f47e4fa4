// scale on k3d with a real API server: agents added with k3d node create carry the cluster's labels and
// turn Ready; a removed agent is drained first (its pods evicted and re-created elsewhere), then its container
// and its Node object are gone. The spec's generation follows.
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clusterObjects, inspect } from '../support/integration/docker-probe.js';
import { describeIntegration, integrationEnv } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

describeIntegration('k3d: scale up, then down with a drain', () => {
  let sb: Sandbox;
  const name = uniqueName('scale');
  const kubectl = (...args: string[]) =>
    execa(join(integrationEnv().binDir, 'kubectl'), ['--context', `k3d-${name}`, ...args], { env: sb.env, reject: false });
  const podsOn = async (node: string) =>
    (await kubectl('get', 'pods', '-l', 'app=web', '--field-selector', `spec.nodeName=${node}`, '-o', 'name')).stdout
      .split('\n')
      .filter(Boolean);
  beforeAll(async () => {
    sb = await sandbox();
    const r = await sb.cli('up', '--preset', 'k3d', '--name', name, '--image', IMAGES.api.k3d, '--wait', '3m', '-q');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await sb.cli('down', name, '--yes');
    expect(await clusterObjects(name, 'k3d')).toEqual({ containers: [], networks: [], volumes: [] });
    await sb.cleanup();
  });

  it('adds two agents, labelled like the cluster; every node Ready; the spec has the new count', async () => {
    const r = await sb.cli('scale', name, '--workers', '2', '--wait', '3m', '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ from: 0, to: 2, added: [`k3d-${name}-agent-0-0`, `k3d-${name}-agent-1-0`], removed: [] });
    expect(result.readiness.map((s: { id: string }) => s.id)).toContain('nodes');
    for (const c of result.added)
      expect((await inspect(c)).Config.Labels).toMatchObject({ 'dev.kindling.cluster': name, 'k3d.cluster': name });
    expect((await kubectl('get', 'nodes', '-o', 'name')).stdout.split('\n').sort()).toEqual(
      [`node/k3d-${name}-agent-0-0`, `node/k3d-${name}-agent-1-0`, `node/k3d-${name}-server-0`].sort(),
    );
    const status = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout);
    expect(status.generation).toBe(2);
    expect((await sb.cli('scale', name, '--workers', '2', '-o', 'json')).stdout).toContain('"unchanged": true');
  });

  it('removing the newest agent drains it: its pods run elsewhere, its container and Node are gone', async () => {
    const leaving = `k3d-${name}-agent-1-0`;
    expect((await kubectl('create', 'deployment', 'web', '--image=registry.k8s.io/pause:3.10', '--replicas=6')).exitCode).toBe(0);
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=120s')).exitCode).toBe(0);
    expect((await podsOn(leaving)).length).toBeGreaterThan(0);
    const r = await sb.cli('scale', name, '--workers', '1', '--wait', '3m', '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: 2, to: 1, removed: [leaving] });
    expect((await clusterObjects(name, 'k3d')).containers).not.toContain(leaving);
    expect((await kubectl('get', 'node', leaving)).stderr).toContain('NotFound');
    expect(await podsOn(leaving)).toEqual([]);
    expect((await kubectl('rollout', 'status', 'deployment/web', '--timeout=120s')).exitCode).toBe(0);
  });
});
