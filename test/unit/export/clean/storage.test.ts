import { describe, expect, it } from 'vitest';
import { cleanStorage } from '../../../../src/export/clean/storage.js';
import { applied } from './apply-rule.js';

const pvc = (annotations: Record<string, string>, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', annotations },
  spec,
});

describe('cleanStorage', () => {
  it('removes the volumeName the controller bound, and the default volumeMode', () => {
    const live = pvc(
      { 'pv.kubernetes.io/bound-by-controller': 'yes' },
      { volumeName: 'pvc-8c1f', volumeMode: 'Filesystem', storageClassName: 'standard' },
    );
    expect(applied(cleanStorage, live).spec).toEqual({ storageClassName: 'standard' });
  });

  it('keeps a volumeName the user wrote for static binding, and a Block volumeMode', () => {
    const statik = pvc({ 'pv.kubernetes.io/bind-completed': 'yes' }, { volumeName: 'my-disk', volumeMode: 'Block' });
    expect(applied(cleanStorage, statik)).toEqual(statik);
  });

  it("removes a PersistentVolume's claimRef uid and resourceVersion, keeping the reference", () => {
    const pv = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'my-disk' },
      spec: {
        volumeMode: 'Filesystem',
        claimRef: { kind: 'PersistentVolumeClaim', namespace: 'db', name: 'data', uid: 'u', resourceVersion: '5' },
      },
    };
    expect(applied(cleanStorage, pv).spec).toEqual({ claimRef: { kind: 'PersistentVolumeClaim', namespace: 'db', name: 'data' } });
  });
});
