import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { VERSION_WINDOWS } from '../../../../src/export/targets/index.js';
import { OPENSHIFT_RELEASES } from '../../../../src/export/targets/openshift/profile.js';
import {
  fullVersion,
  kubernetesMinor,
  LATEST_PATCHES,
  mapVersion,
  nearestSupportedMinor,
} from '../../../../src/export/targets/versions.js';
import { thrown } from '../../../support/unit/thrown.js';

describe('VERSION_WINDOWS', () => {
  it('holds the windows promotion.md §1 records', () => {
    const table = Object.fromEntries(Object.entries(VERSION_WINDOWS).map(([t, w]) => [t, `1.${w.oldest}-1.${w.newest}`]));
    expect(table).toEqual({
      kubeadm: '1.34-1.36',
      kops: '1.31-1.36',
      eks: '1.31-1.35',
      gke: '1.33-1.36',
      aks: '1.33-1.36',
      openshift: '1.31-1.34',
      rke2: '1.33-1.36',
      rancher: '1.33-1.35',
      capi: '1.31-1.36',
    });
  });

  it('marks what promotion.md §5 lists as unverified', () => {
    const unverified = Object.entries(VERSION_WINDOWS)
      .filter(([, w]) => w.unverified)
      .map(([t]) => t);
    expect(unverified).toEqual(['eks', 'openshift', 'rancher']);
  });

  it('knows an OpenShift release for every minor of its window and a patch for every RKE2 line', () => {
    const { oldest, newest } = VERSION_WINDOWS.openshift!;
    for (let minor = oldest; minor <= newest; minor++) expect(OPENSHIFT_RELEASES[minor]).toMatch(/^4\.\d+$/);
    for (let minor = VERSION_WINDOWS.rke2!.oldest; minor <= VERSION_WINDOWS.rke2!.newest; minor++)
      expect(LATEST_PATCHES[minor]).toBeGreaterThan(0);
  });
});

describe('nearestSupportedMinor', () => {
  const window = { oldest: 33, newest: 35, source: 'test' };

  it.each([
    [34, 34],
    [33, 33],
    [35, 35],
    [36, 35],
    [40, 35],
    [30, 33],
  ])('1.%i → 1.%i', (dev, expected) => {
    expect(nearestSupportedMinor(dev, window)).toBe(expected);
  });
});

describe('mapVersion', () => {
  it('keeps a supported minor without findings', () => {
    expect(mapVersion('gke', VERSION_WINDOWS.gke!, 'v1.36.1')).toEqual({ minor: 36, findings: [] });
  });

  it('steps down to the newest supported minor and says so', () => {
    const { minor, findings } = mapVersion('kubeadm', VERSION_WINDOWS.kubeadm!, 'v1.37.0');
    expect(minor).toBe(36);
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'version-changed',
        message:
          'Kubernetes v1.37.0 is not supported by kubeadm; using 1.36 (supported: 1.34-1.36: upstream maintains 1.34, 1.35 and 1.36 (promotion.md §1.1))',
      },
    ]);
  });

  it('steps up to the oldest supported minor when the dev one is older than all', () => {
    expect(mapVersion('aks', VERSION_WINDOWS.aks!, 'v1.30.4').minor).toBe(33);
  });

  it('adds what was not verified about the window', () => {
    expect(mapVersion('eks', VERSION_WINDOWS.eks!, 'v1.34.2').findings).toEqual([
      {
        severity: 'info',
        code: 'version-unverified',
        message: 'eks: whether EKS already offers 1.36 was not verified; eksctl reads the supported list from the EKS API',
      },
    ]);
  });

  it('maps the built-in presets as the targets need them', () => {
    const minors = (version: string) =>
      Object.fromEntries(
        Object.keys(VERSION_WINDOWS).map((t) => [t, mapVersion(t, VERSION_WINDOWS[t as keyof typeof VERSION_WINDOWS]!, version).minor]),
      );
    expect(minors('v1.36.1')).toEqual({ kubeadm: 36, kops: 36, eks: 35, gke: 36, aks: 36, openshift: 34, rke2: 36, rancher: 35, capi: 36 });
    expect(minors('v1.35.5')).toEqual({ kubeadm: 35, kops: 35, eks: 35, gke: 35, aks: 35, openshift: 34, rke2: 35, rancher: 35, capi: 35 });
  });
});

describe('fullVersion', () => {
  it('keeps the dev version when the minor is unchanged', () => {
    expect(fullVersion('v1.36.1', 36)).toBe('v1.36.1');
  });

  it('uses the latest known patch of another minor, else .0', () => {
    expect(fullVersion('v1.37.2', 36)).toBe('v1.36.3');
    expect(fullVersion('v1.29.9', 31)).toBe('v1.31.0');
  });
});

describe('kubernetesMinor', () => {
  it('reads the minor', () => {
    expect(kubernetesMinor('v1.35.5')).toBe(35);
  });

  it.each(['1.35.5', 'v2.0.0', 'v1.35', 'latest'])('rejects %s', (version) => {
    expect(thrown(InvalidInputError, () => kubernetesMinor(version)).message).toContain(version);
  });
});
