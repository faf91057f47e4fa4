import { describe, expect, it } from 'vitest';
import { planDown } from '../../../src/plan/down-plan.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';

const spec = (engine: 'kind' | 'k3d', registry = false) =>
  resolveClusterSpec(
    registry ? builtinPreset(engine, { registry: { ...builtinPreset(engine).registry!, enabled: true } }) : builtinPreset(engine),
    { name: 'dev' },
  ).spec;

describe('planDown', () => {
  it('kind, merged into a kubeconfig: delete, sweep, unmerge, forget', () => {
    const plan = planDown(spec('kind'), { file: '/home/u/.kube/config' });
    expect(plan).toMatchObject({ apiVersion: 'kindling.dev/v1alpha1', kind: 'DownPlan', name: 'dev', engine: 'kind' });
    expect(plan.actions).toEqual([
      { id: 'delete-cluster', title: 'Delete cluster "dev" with kind' },
      { id: 'sweep-leftovers', title: 'Remove containers still labelled for "dev"' },
      { id: 'unmerge-kubeconfig', title: 'Remove context kind-dev from /home/u/.kube/config' },
      { id: 'forget-cluster', title: 'Forget "dev" in the state store (its history is kept under deleted/dev/)' },
    ]);
  });

  it('k3d with a registry: the registry is detached first and released after; nothing merged, nothing unmerged', () => {
    const plan = planDown(spec('k3d', true));
    const registry = spec('k3d', true).registry!.name;
    expect(plan.actions.map((a) => a.id)).toEqual([
      'disconnect-registry',
      'delete-cluster',
      'sweep-leftovers',
      'release-registry',
      'forget-cluster',
    ]);
    expect(plan.actions[0]!.title).toBe(`Disconnect registry ${registry} from the cluster's network`);
    expect(plan.actions[2]!.title).toBe('Remove containers still labelled for "dev" and k3d\'s k3d-dev, k3d-dev-images');
  });

  it('kind with a registry: the registry stays on the shared kind network, so only its release is planned', () => {
    expect(planDown(spec('kind', true)).actions.map((a) => a.id)).toEqual([
      'delete-cluster',
      'sweep-leftovers',
      'release-registry',
      'forget-cluster',
    ]);
  });
});
