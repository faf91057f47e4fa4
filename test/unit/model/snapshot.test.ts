import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { renameSpec } from '../../../src/model/cluster-spec.js';
import { checkSnapshotId, defaultSnapshotId, parseSnapshotRef } from '../../../src/model/snapshot.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { thrown } from '../../support/unit/thrown.js';

describe('snapshot names', () => {
  it('a snapshot id names a folder and an S3 key: lower-case letters, digits, ".", "_", "-"', () => {
    for (const ok of ['s1', 'before-upgrade', '20261206-163000', 'v1.36.1_base']) expect(checkSnapshotId(ok)).toBe(ok);
    for (const bad of ['', 'Before', '../x', 'a/b', '-x', 'x-', 'a b', 'x'.repeat(64)])
      thrown(InvalidInputError, () => checkSnapshotId(bad));
  });

  it('the default id is the UTC time, prefixed with the reason unless the user took it', () => {
    const t = new Date('2026-12-06T16:30:05.123Z');
    expect(defaultSnapshotId(t)).toBe('20261206-163005');
    expect(defaultSnapshotId(t, 'upgrade')).toBe('upgrade-20261206-163005');
    expect(checkSnapshotId(defaultSnapshotId(t, 'backup'))).toBe('backup-20261206-163005');
  });

  it('a default id the cluster already has gets -2, -3, ... (an upgrade run again within the same second)', () => {
    const t = new Date('2026-12-06T16:30:05.123Z');
    expect(defaultSnapshotId(t, 'upgrade', ['upgrade-20261206-163005'])).toBe('upgrade-20261206-163005-2');
    expect(defaultSnapshotId(t, 'user', ['20261206-163005', '20261206-163005-2', 'other'])).toBe('20261206-163005-3');
    expect(defaultSnapshotId(t, 'upgrade', ['20261206-163005'])).toBe('upgrade-20261206-163005');
  });

  it('CLUSTER/SNAPSHOT, and nothing else', () => {
    expect(parseSnapshotRef('dev/s1')).toEqual({ cluster: 'dev', snapshot: 's1' });
    for (const bad of ['dev', '/s1', 'dev/', 'a/b/c', 'dev/S1']) thrown(InvalidInputError, () => parseSnapshotRef(bad));
  });
});

describe('renameSpec', () => {
  it('renames the cluster and every kubeconfig name and node label that held the old name', () => {
    const spec = {
      ...resolveClusterSpec(builtinPreset('kind'), { name: 'dev' }).spec,
      // As minikube's preset resolves them: the profile name is the context, cluster and user.
      kubeconfigNames: { context: 'dev', cluster: 'dev', user: 'dev' },
      nodeLabels: { 'minikube.k8s.io/name': 'dev' },
    };
    const renamed = renameSpec(spec, 'copy');
    expect(renamed.name).toBe('copy');
    expect(renamed.kubeconfigNames).toEqual({ context: 'copy', cluster: 'copy', user: 'copy' });
    expect(renamed.nodeLabels).toEqual({ 'minikube.k8s.io/name': 'copy' });
    expect({ ...renamed, name: 'dev', kubeconfigNames: spec.kubeconfigNames, nodeLabels: spec.nodeLabels }).toEqual(spec);
    expect(renameSpec(spec, 'dev')).toBe(spec);
  });
});
