import { describe, expect, it } from 'vitest';
import { planFromSpec } from '../../../src/plan/plan.js';
import { planRecreate } from '../../../src/plan/recreate-plan.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { planSnapshot } from '../../../src/plan/snapshot-plan.js';
import { builtinPreset } from '../../support/unit/presets.js';

const spec = resolveClusterSpec(builtinPreset('kind'), { name: 'dev' }).spec;

describe('planSnapshot', () => {
  it('live: read the objects, copy the volumes, write the manifest last', () => {
    const plan = planSnapshot(spec, 's1', { consistent: false, reason: 'user' });
    expect(plan.actions.map((a) => a.id)).toEqual(['read-objects', 'copy-volumes', 'write-manifest']);
    expect(plan.actions[1]!.title).toContain('(live)');
    expect(plan.actions[2]!.title).toContain('clusters/dev/snapshots/s1/manifest.json');
  });

  it('--consistent: the cluster is stopped around the copy and started again', () => {
    const plan = planSnapshot(spec, 's1', { consistent: true, reason: 'user' });
    expect(plan.actions.map((a) => a.id)).toEqual(['read-objects', 'stop-cluster', 'copy-volumes', 'start-cluster', 'write-manifest']);
  });
});

describe('planRecreate', () => {
  const wanted = { ...spec, kubernetesVersion: 'v1.37.0', image: 'kindest/node:v1.37.0' };
  const pin = (s: typeof spec) => ({ ...s, apiServer: { ...s.apiServer, port: 40123 } });
  const input = {
    reason: 'upgrade' as const,
    current: spec,
    wanted,
    create: planFromSpec(pin(wanted), {}, 60_000),
    rollback: planFromSpec(pin(spec), {}, 60_000),
    snapshot: { id: 'upgrade-1', taken: true },
    containers: ['dev-control-plane'],
    apiServer: 'https://127.0.0.1:40123',
  };

  it("upgrade: snapshot, check, delete, up's create steps at the new spec, restore, record", () => {
    const plan = planRecreate(input);
    expect(plan.actions.map((a) => a.id)).toEqual([
      'take-snapshot',
      'verify-snapshot',
      'delete-cluster',
      'ensure-network',
      'create-cluster',
      'save-kubeconfig',
      'merge-kubeconfig',
      'observe',
      'wait-ready',
      'restore-snapshot',
      'record-spec',
    ]);
    expect(plan.actions.find((a) => a.id === 'create-cluster')!.title).toContain('kindest/node:v1.37.0');
    expect(plan.from.kubernetesVersion).toBe('v1.36.1');
    expect(plan.to.kubernetesVersion).toBe('v1.37.0');
    expect(plan.carriedOver.join('\n')).toContain('https://127.0.0.1:40123');
    // The spec recorded keeps the port the user asked for; only the engine is given the pinned one.
    expect(plan.spec.apiServer.port).toBe(0);
    expect(plan.create.spec.apiServer.port).toBe(40123);
    expect(plan.actions.at(-1)!.title).toContain('next generation');
  });

  it('snapshot restore of the same spec: no snapshot taken, the generation stays', () => {
    const plan = planRecreate({ ...input, reason: 'restore', wanted: spec, snapshot: { id: 's1', taken: false } });
    expect(plan.actions[0]!.id).toBe('verify-snapshot');
    expect(plan.actions.at(-1)!.title).not.toContain('next generation');
  });
});
