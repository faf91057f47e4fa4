import { describe, expect, it } from 'vitest';
import { devClusterFacts } from '../../../../src/export/targets/dev-cluster.js';
import { resolveClusterSpec } from '../../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../../support/unit/presets.js';
import { K3D_DEFAULT, KIND_DEFAULT } from './fixtures.js';

describe('devClusterFacts', () => {
  it('the kind preset: kind network defaults and kindnetd', () => {
    expect(devClusterFacts(resolveClusterSpec(builtinPreset('kind')).spec)).toEqual(KIND_DEFAULT);
  });

  it('the k3d preset: K3s network defaults and flannel', () => {
    expect(devClusterFacts(resolveClusterSpec(builtinPreset('k3d')).spec)).toEqual(K3D_DEFAULT);
  });

  it('node counts from the spec', () => {
    const { spec } = resolveClusterSpec(builtinPreset('kind', { nodes: { controlPlanes: 3, workers: 0 } }), { workers: 2 });
    expect(devClusterFacts(spec)).toMatchObject({ controlPlanes: 3, workers: 2 });
  });

  it("CIDRs the preset sets win over the engine's", () => {
    const { spec } = resolveClusterSpec(builtinPreset('kind'));
    const facts = devClusterFacts({ ...spec, networking: { podSubnet: '10.1.0.0/16', serviceSubnet: '10.152.183.0/24' } });
    expect(facts).toMatchObject({ podSubnet: '10.1.0.0/16', serviceSubnet: '10.152.183.0/24', cni: 'kindnetd' });
  });
});
