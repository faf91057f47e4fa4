import { describe, expect, it } from 'vitest';
import { matchingNode, restoredVolume } from '../../../../src/apply/snapshot/restore-into.js';
import { resolveClusterSpec } from '../../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../../support/unit/presets.js';

const kind = (name: string, workers: number, controlPlanes = 1) => ({
  ...resolveClusterSpec(builtinPreset('kind'), { name, workers }).spec,
  nodes: { controlPlanes, workers },
});
const k3d = (name: string, workers: number) => resolveClusterSpec(builtinPreset('k3d'), { name, workers }).spec;

describe('matchingNode', () => {
  it('kind: the node of the same role and ordinal in the new cluster', () => {
    expect(matchingNode(kind('a', 2), kind('b', 2), 'a-control-plane')).toBe('b-control-plane');
    expect(matchingNode(kind('a', 2), kind('b', 2), 'a-worker2')).toBe('b-worker2');
    expect(matchingNode(kind('a', 2), kind('a', 3), 'a-worker')).toBe('a-worker');
  });

  it('a node the new cluster does not have (scaled down): its first control plane', () => {
    expect(matchingNode(kind('a', 2), kind('a', 1), 'a-worker2')).toBe('a-control-plane');
    expect(matchingNode(kind('a', 1), kind('a', 0), 'a-worker')).toBe('a-control-plane');
    expect(matchingNode(kind('a', 1), kind('a', 1), 'somewhere-else')).toBe('a-control-plane');
  });

  it('k3d: servers and agents by index', () => {
    expect(matchingNode(k3d('a', 2), k3d('b', 2), 'k3d-a-agent-1')).toBe('k3d-b-agent-1');
    expect(matchingNode(k3d('a', 2), k3d('b', 0), 'k3d-a-agent-1')).toBe('k3d-b-server-0');
  });
});

describe('restoredVolume', () => {
  it('a hostPath volume on the node, pre-bound to its claim by namespace and name, with the claim’s class, modes and size', () => {
    const pv = restoredVolume(
      {
        namespace: 'blog',
        claim: 'db',
        volume: 'pvc-123',
        node: 'a-control-plane',
        path: '/var/local-path-provisioner/pvc-123_blog_db',
        storageClass: 'standard',
        accessModes: ['ReadWriteOnce'],
        size: '2Gi',
        part: 'volumes/blog/db.tar.gz',
      },
      'b-control-plane',
      's1',
    );
    expect(pv).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: 'pvc-123',
        labels: { 'dev.kindling.snapshot': 's1' },
        annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' },
      },
      spec: {
        capacity: { storage: '2Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'standard',
        hostPath: { path: '/var/local-path-provisioner/pvc-123_blog_db', type: 'DirectoryOrCreate' },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: 'blog', name: 'db' },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['b-control-plane'] }] }],
          },
        },
      },
    });
  });
});
