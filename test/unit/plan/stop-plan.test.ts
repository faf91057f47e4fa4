import { describe, expect, it } from 'vitest';
import { planStart, planStop } from '../../../src/plan/stop-plan.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';

const spec = (engine: 'kind' | 'k3d', workers = 0) => resolveClusterSpec(builtinPreset(engine), { name: 'dev', workers }).spec;

describe('planStop', () => {
  it('kind: record, stop through Docker in order, observe', () => {
    expect(planStop(spec('kind'))).toEqual({
      apiVersion: 'kindling.dev/v1alpha1',
      kind: 'StopPlan',
      name: 'dev',
      engine: 'kind',
      actions: [
        { id: 'record-nodes', title: "Record each node's container, address on network kind and published ports" },
        { id: 'stop-nodes', title: 'Stop the node containers: load balancer, control planes, then workers' },
        { id: 'pin-addresses', title: 'Pin each node to its address on network kind, so that it gets it back when it starts' },
        { id: 'observe-stopped', title: 'Read the cluster back from Docker: every node stopped' },
      ],
    });
  });

  it('k3d: its own stop command, its own network', () => {
    const plan = planStop(spec('k3d'));
    expect(plan.actions[0]!.title).toContain('network k3d-dev');
    expect(plan.actions[1]!.title).toBe('Stop the cluster with k3d cluster stop dev');
  });
});

describe('planStart', () => {
  it('multi-node kind: addresses restored before anything starts; the wait is the readiness stages of up --wait', () => {
    const plan = planStart(spec('kind', 1), 120_000);
    expect(plan.actions.map((a) => a.id)).toEqual(['restore-addresses', 'start-nodes', 'observe-started', 'wait-ready']);
    expect(plan.actions[3]!.title).toMatch(/^Wait up to 120s until ready: API server reachable, all 2 nodes Ready/);
  });

  it('one-node kind: its address is given back too, but another one is accepted (a single node refreshes itself)', () => {
    const plan = planStart(spec('kind'), 60_000);
    expect(plan.actions.map((a) => a.id)).toEqual(['restore-addresses', 'start-nodes', 'observe-started', 'wait-ready']);
    expect(plan.actions[0]!.title).toContain('another one if a container holds it');
  });

  it('k3d: no address step (k3d manages its network); no wait when waitMs is 0', () => {
    expect(planStart(spec('k3d'), 0).actions.map((a) => a.id)).toEqual(['start-nodes', 'observe-started']);
  });
});
