import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/errors.js';
import { planScale } from '../../../src/plan/scale-plan.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { thrown } from '../../support/unit/thrown.js';

const spec = (engine: 'kind' | 'k3d', workers = 0) => resolveClusterSpec(builtinPreset(engine), { name: 'dev', workers }).spec;

describe('planScale', () => {
  it('k3d up: new agents numbered after the existing ones, the spec recorded, every node waited for', () => {
    const plan = planScale(spec('k3d', 1), ['k3d-dev-agent-0'], 3, 60_000);
    expect(plan.add).toEqual(['dev-agent-1', 'dev-agent-2']);
    expect(plan.remove).toEqual([]);
    expect(plan.spec.nodes.workers).toBe(3);
    expect(plan.actions.map((a) => a.id)).toEqual(['add-workers', 'record-spec', 'observe-scaled', 'wait-ready']);
    expect(plan.actions[3]!.title).toContain('all 4 nodes Ready');
  });

  it('k3d down: the newest agents go, drained first', () => {
    const plan = planScale(spec('k3d', 3), ['k3d-dev-agent-0', 'k3d-dev-agent-2-0', 'k3d-dev-agent-1'], 1, 60_000);
    expect(plan.remove).toEqual(['k3d-dev-agent-2-0', 'k3d-dev-agent-1']);
    expect(plan.actions.map((a) => a.id)).toEqual(['drain-workers', 'remove-workers', 'record-spec', 'observe-scaled', 'wait-ready']);
  });

  it('the same count: nothing to do', () => {
    expect(planScale(spec('k3d', 1), ['k3d-dev-agent-0'], 1, 60_000).actions).toEqual([]);
    expect(planScale(spec('kind', 1), ['dev-worker'], 1, 60_000).actions).toEqual([]);
  });

  it('kind cannot add or remove nodes: ConflictError with the way out', () => {
    const err = thrown(ConflictError, () => planScale(spec('kind'), [], 2, 0));
    expect(err.code).toBe('scale-needs-recreate');
    expect(err.hint).toContain('kindling scale dev --workers 2');
  });

  it('a count out of range is invalid input', () => {
    expect(() => planScale(spec('k3d'), [], 51, 0)).toThrow('--workers 51 must be a whole number from 0 to 50');
  });
});
