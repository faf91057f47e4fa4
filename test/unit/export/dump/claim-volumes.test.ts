import { describe, expect, it } from 'vitest';
import { claimVolumes } from '../../../../src/export/dump/claim-volumes.js';
import { K3S_CLAIM, K3S_VOLUME, KIND_CLAIM, KIND_VOLUME, liveClaim, localPathVolume } from './local-path.js';

describe('claimVolumes', () => {
  it("kind: the claim's hostPath folder under /var/local-path-provisioner on the node its volume is pinned to", () => {
    expect(claimVolumes([KIND_VOLUME, KIND_CLAIM])).toEqual({
      volumes: [
        {
          namespace: 'shop',
          claim: 'data',
          volume: 'pvc-3f0c5a9e-1d1b-4a57-9b0e-6c1f2a9d8e01',
          node: 'dev-control-plane',
          path: '/var/local-path-provisioner/pvc-3f0c5a9e-1d1b-4a57-9b0e-6c1f2a9d8e01_shop_data',
          storageClass: 'standard',
          accessModes: ['ReadWriteOnce'],
          size: '1Gi',
        },
      ],
      skipped: [],
    });
  });

  it('k3s: the folder under /var/lib/rancher/k3s/storage on an agent node; size and class from the claim', () => {
    const { volumes } = claimVolumes([K3S_CLAIM, K3S_VOLUME]);
    expect(volumes).toEqual([
      {
        namespace: 'db',
        claim: 'pg-data',
        volume: 'pvc-77aa',
        node: 'k3d-dev-agent-0',
        path: '/var/lib/rancher/k3s/storage/pvc-77aa_db_pg-data',
        storageClass: 'local-path',
        accessModes: ['ReadWriteOnce'],
        size: '5Gi',
      },
    ]);
  });

  it("a local volume (local-path's volumeType: local) counts too; size, class and modes fall back to the volume's", () => {
    const claim = liveClaim('shop', 'cache', 'pvc-local', { accessModes: undefined, resources: undefined, storageClassName: undefined });
    const pv = localPathVolume(
      'pvc-local',
      { namespace: 'shop', name: 'cache' },
      { local: { path: '/opt/local-path-provisioner/pvc-local_shop_cache' } },
      { nodes: ['dev-worker'] },
    );
    expect(claimVolumes([claim, pv]).volumes).toEqual([
      {
        namespace: 'shop',
        claim: 'cache',
        volume: 'pvc-local',
        node: 'dev-worker',
        path: '/opt/local-path-provisioner/pvc-local_shop_cache',
        storageClass: 'standard',
        accessModes: ['ReadWriteOnce'],
        size: '1Gi',
      },
    ]);
  });

  it('skips, with a reason, every claim whose data cannot be found on one node', () => {
    const csi = localPathVolume('pv-csi', { namespace: 'a', name: 'csi' }, { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-1' } });
    const nfs = localPathVolume('pv-nfs', { namespace: 'a', name: 'nfs' }, { nfs: { server: '10.0.0.2', path: '/exports' } });
    const nowhere = localPathVolume('pv-nowhere', { namespace: 'a', name: 'nowhere' }, { hostPath: { path: '/data/x' } }, { nodes: [] });
    const twoNodes = localPathVolume('pv-two', { namespace: 'a', name: 'two' }, { hostPath: { path: '/data/y' } }, { nodes: ['n1', 'n2'] });
    const noPath = localPathVolume('pv-nopath', { namespace: 'a', name: 'nopath' }, { hostPath: {} });
    const taken = localPathVolume('pv-taken', { namespace: 'other', name: 'owner' }, { hostPath: { path: '/data/z' } });
    const block = localPathVolume('pv-block', { namespace: 'a', name: 'block' }, { local: { path: '/dev/sdb' } });
    (block.spec as { volumeMode: string }).volumeMode = 'Block';
    const objects = [
      csi,
      nfs,
      nowhere,
      twoNodes,
      noPath,
      taken,
      block,
      liveClaim('a', 'block', 'pv-block'),
      liveClaim('a', 'csi', 'pv-csi'),
      liveClaim('a', 'nfs', 'pv-nfs'),
      liveClaim('a', 'nowhere', 'pv-nowhere'),
      liveClaim('a', 'two', 'pv-two'),
      liveClaim('a', 'nopath', 'pv-nopath'),
      liveClaim('a', 'thief', 'pv-taken'),
      liveClaim('a', 'pending', undefined),
      liveClaim('a', 'orphan', 'pv-gone'),
    ];
    expect(claimVolumes(objects)).toEqual({
      volumes: [],
      skipped: [
        { namespace: 'a', claim: 'block', reason: 'its PersistentVolume pv-block is a raw block device (volumeMode: Block)' },
        { namespace: 'a', claim: 'csi', reason: 'its PersistentVolume pv-csi is csi, not a hostPath or local folder on a node' },
        { namespace: 'a', claim: 'nfs', reason: 'its PersistentVolume pv-nfs is nfs, not a hostPath or local folder on a node' },
        { namespace: 'a', claim: 'nopath', reason: 'its PersistentVolume pv-nopath has no hostPath.path' },
        {
          namespace: 'a',
          claim: 'nowhere',
          reason:
            'the data of PersistentVolume pv-nowhere (/data/x) cannot be placed on one node: its nodeAffinity does not pin it to a kubernetes.io/hostname',
        },
        { namespace: 'a', claim: 'orphan', reason: 'its PersistentVolume pv-gone is not among the objects read' },
        { namespace: 'a', claim: 'pending', reason: 'not bound to a PersistentVolume (still Pending?)' },
        { namespace: 'a', claim: 'thief', reason: 'its PersistentVolume pv-taken is bound to another claim (other/owner)' },
        {
          namespace: 'a',
          claim: 'two',
          reason: 'the data of PersistentVolume pv-two (/data/y) cannot be placed on one node: any of the nodes n1, n2',
        },
      ],
    });
  });

  it('reads nodeAffinity as the scheduler does: terms ORed, expressions ANDed', () => {
    const pinned = (terms: unknown[]) => {
      const pv = localPathVolume('pv-x', { namespace: 'b', name: 'x' }, { hostPath: { path: '/data/x' } });
      (pv.spec as { nodeAffinity: unknown }).nodeAffinity = { required: { nodeSelectorTerms: terms } };
      const { volumes, skipped } = claimVolumes([liveClaim('b', 'x', 'pv-x'), pv]);
      return volumes[0]?.node ?? skipped[0]!.reason.replace(/.*: /, '');
    };
    const host = (operator: string, ...values: string[]) => ({ key: 'kubernetes.io/hostname', operator, values });
    const zone = { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['z'] };
    expect(pinned([{ matchExpressions: [zone, host('In', 'n3')] }])).toBe('n3');
    expect(pinned([{ matchExpressions: [host('In', 'n1', 'n2')] }, { matchExpressions: [host('In', 'n2')] }])).toBe(
      'any of the nodes n1, n2',
    );
    expect(pinned([{ matchExpressions: [host('In', 'n2')] }])).toBe('n2');
    expect(pinned([{ matchExpressions: [host('In', 'n1', 'n2'), host('In', 'n2', 'n3')] }])).toBe('n2');
    expect(pinned([{ matchExpressions: [host('In', 'n1')] }, { matchExpressions: [host('NotIn', 'n9')] }])).toBe(
      'its nodeAffinity does not pin it to a kubernetes.io/hostname',
    );
    expect(pinned([{ matchExpressions: [zone] }])).toBe('its nodeAffinity does not pin it to a kubernetes.io/hostname');
  });

  it('lists claims by namespace, then name', () => {
    const { volumes } = claimVolumes([KIND_CLAIM, KIND_VOLUME, K3S_CLAIM, K3S_VOLUME, liveClaim('db', 'a', undefined)]);
    expect(volumes.map((v) => `${v.namespace}/${v.claim}`)).toEqual(['db/pg-data', 'shop/data']);
  });

  it('does not change its input', () => {
    const objects = [KIND_CLAIM, KIND_VOLUME];
    const before = structuredClone(objects);
    claimVolumes(objects);
    expect(objects).toEqual(before);
  });
});
