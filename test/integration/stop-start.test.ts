// stop and start on the real engines: a stopped cluster is `stopped` (never `missing`), start brings it back
// at the same API address through every readiness stage, and `up` of a stopped cluster starts it without
// re-creating it. (Multi-node kind address restoring is unit-tested: on the shared `kind` network, which kind
// makes without an IPv4 subnet, Docker pins no address and parallel test clusters take freed ones.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeIntegration } from '../support/integration/env.js';
import { IMAGES } from '../support/integration/images.js';
import { clusterObjects, inspect } from '../support/integration/docker-probe.js';
import { sandbox, uniqueName, type Sandbox } from '../support/integration/sandbox.js';

describeIntegration.each([
  { engine: 'kind' as const, nodes: (n: string) => [`${n}-control-plane`] },
  { engine: 'k3d' as const, nodes: (n: string) => [`k3d-${n}-server-0`, `k3d-${n}-serverlb`] },
])('$engine: stop and start a one-node cluster', ({ engine, nodes }) => {
  let sb: Sandbox;
  const name = uniqueName(`power-${engine}`);
  beforeAll(async () => {
    sb = await sandbox();
    const r = await sb.cli('up', '--preset', engine, '--name', name, '--image', IMAGES.api[engine], '--wait', '2m', '-q');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => {
    await sb.cli('down', name, '--yes');
    expect(await clusterObjects(name, engine)).toEqual({ containers: [], networks: [], volumes: [] });
    await sb.cleanup();
  });

  it('stop: every node container stopped, the cluster listed as stopped', async () => {
    const api = JSON.parse((await sb.cli('status', name, '-o', 'json')).stdout).apiServer.url;
    const r = await sb.cli('stop', name, '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).items).toEqual([{ name, engine, phase: 'stopped', unchanged: false }]);
    for (const n of nodes(name)) expect((await inspect(n)).State.Running).toBe(false);
    const list = JSON.parse((await sb.cli('list', '-o', 'json')).stdout).items;
    expect(list.find((c: { name: string }) => c.name === name).phase).toBe('stopped');
    expect((await sb.cli('stop', name, '-o', 'json')).stdout).toContain('"unchanged": true');
    // start: every readiness stage passes and the API server is where it was
    const s = await sb.cli('start', name, '--wait', '2m', '-o', 'json');
    expect(s.code, s.stderr).toBe(0);
    const [started] = JSON.parse(s.stdout).items;
    expect(started).toMatchObject({ name, phase: 'running', unchanged: false, apiServer: { url: api } });
    expect(started.readiness.map((x: { id: string }) => x.id)).toContain('nodes');
    for (const n of nodes(name)) expect((await inspect(n)).State.Running).toBe(true);
  });

  it('up with the same spec on a stopped cluster starts it and does not re-create it', async () => {
    const ids = await Promise.all(nodes(name).map(async (n) => (await inspect(n)).Id));
    expect((await sb.cli('stop', name)).code).toBe(0);
    const r = await sb.cli('up', '--preset', engine, '--name', name, '--image', IMAGES.api[engine], '--wait', '2m', '-o', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ unchanged: false, started: true, status: { phase: 'running' } });
    expect(await Promise.all(nodes(name).map(async (n) => (await inspect(n)).Id))).toEqual(ids);
  });
});
