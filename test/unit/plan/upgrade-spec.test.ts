import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '../../../src/errors.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { compareVersions } from '../../../src/plan/kubernetes-version.js';
import { upgradeSpec } from '../../../src/plan/upgrade-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { thrown } from '../../support/unit/thrown.js';

const kind = builtinPreset('kind');
const k3d = builtinPreset('k3d');
const kindSpec = resolveClusterSpec(kind, { name: 'dev' }).spec;
const k3dSpec = resolveClusterSpec(k3d, { name: 'dev' }).spec;

describe('upgradeSpec', () => {
  it("kind: the image kind's release pins for the version, by digest", () => {
    const { spec } = upgradeSpec(kindSpec, kind, { version: 'v1.37.0' });
    expect(spec.kubernetesVersion).toBe('v1.37.0');
    expect(spec.image).toBe('kindest/node:v1.37.0@sha256:a1ed56cfb0e7b93589bdf97c8cd566405a265939e3620fc4f5de89adff580ae5');
    expect({ ...spec, kubernetesVersion: kindSpec.kubernetesVersion, image: kindSpec.image }).toEqual(kindSpec);
  });

  it('kind: a version with no known image is refused, listing the known ones; --image takes it anyway', () => {
    const err = thrown(InvalidInputError, () => upgradeSpec(kindSpec, kind, { version: 'v1.38.0' }));
    expect(err.message).toContain('no known node image for Kubernetes v1.38.0');
    expect(err.hint).toContain('v1.36.1, v1.37.0');
    expect(upgradeSpec(kindSpec, kind, { version: 'v1.38.0', image: 'my/node:v1.38.0' }).spec.image).toBe('my/node:v1.38.0');
  });

  it('k3d: rancher/k3s:<version>-k3s1 of any release', () => {
    expect(upgradeSpec(k3dSpec, k3d, { version: 'v1.37.0' }).spec.image).toBe('rancher/k3s:v1.37.0-k3s1');
  });

  it('a downgrade is refused unless allowed; a malformed version is refused', () => {
    const err = thrown(ConflictError, () => upgradeSpec(kindSpec, kind, { version: 'v1.35.0', image: 'x' }));
    expect(err.code).toBe('downgrade');
    expect(err.hint).toContain('--allow-downgrade');
    expect(upgradeSpec(kindSpec, kind, { version: 'v1.35.0', image: 'x', allowDowngrade: true }).spec.kubernetesVersion).toBe('v1.35.0');
    thrown(InvalidInputError, () => upgradeSpec(kindSpec, kind, { version: '1.37' }));
  });

  it('skipping a minor version is allowed, with a warning', () => {
    expect(upgradeSpec(kindSpec, kind, { version: 'v1.37.5', image: 'x' }).warnings).toEqual([]);
    expect(upgradeSpec(kindSpec, kind, { version: 'v1.38.0', image: 'x' }).warnings[0]).toContain('skips a minor version');
  });

  it('without the preset, the image must be named', () => {
    expect(thrown(InvalidInputError, () => upgradeSpec(k3dSpec, undefined, { version: 'v1.37.0' })).hint).toContain('--image');
  });

  it('compareVersions orders by numbers, not text', () => {
    expect(['v1.10.0', 'v1.9.3', 'v1.37.0', 'v1.36.12'].sort(compareVersions)).toEqual(['v1.9.3', 'v1.10.0', 'v1.36.12', 'v1.37.0']);
  });
});
