// Live PersistentVolumeClaims and the PersistentVolumes local-path-provisioner made for them, as kind (v0.32,
// hostPath under /var/local-path-provisioner) and k3s (hostPath under /var/lib/rancher/k3s/storage) show them.
import type { KubeObject } from '../../../../src/export/kube-object.js';
import type { ClaimVolume } from '../../../../src/export/dump/claim-volumes.js';

/** A bound claim as the API returns it. */
export function liveClaim(
  namespace: string,
  name: string,
  volumeName: string | undefined,
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace,
      uid: '3f0c5a9e-1d1b-4a57-9b0e-6c1f2a9d8e01',
      resourceVersion: '1234',
      annotations: {
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
        'volume.kubernetes.io/selected-node': 'dev-control-plane',
      },
      finalizers: ['kubernetes.io/pvc-protection'],
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: '1Gi' } },
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
      ...(volumeName === undefined ? {} : { volumeName }),
      ...extra,
    },
    status:
      volumeName === undefined ? { phase: 'Pending' } : { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
  };
}

/** The PersistentVolume local-path-provisioner creates: a volume source, nodeAffinity on one hostname, a claimRef. */
export function localPathVolume(
  name: string,
  claim: { namespace: string; name: string },
  source: Record<string, unknown>,
  opts: { nodes?: string[]; storageClass?: string } = {},
): KubeObject {
  const nodes = opts.nodes ?? ['dev-control-plane'];
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      annotations: { 'local.path.provisioner/selected-node': nodes[0] ?? '', 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' },
      finalizers: ['kubernetes.io/pv-protection'],
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        namespace: claim.namespace,
        name: claim.name,
        uid: '3f0c5a9e',
        resourceVersion: '1200',
      },
      ...source,
      ...(nodes.length === 0
        ? {}
        : {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: nodes.map((n) => ({
                  matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [n] }],
                })),
              },
            },
          }),
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: opts.storageClass ?? 'standard',
      volumeMode: 'Filesystem',
    },
    status: { phase: 'Bound' },
  };
}

/** kind: claim shop/data on dev-control-plane. */
export const KIND_CLAIM = liveClaim('shop', 'data', 'pvc-3f0c5a9e-1d1b-4a57-9b0e-6c1f2a9d8e01');
export const KIND_VOLUME = localPathVolume(
  'pvc-3f0c5a9e-1d1b-4a57-9b0e-6c1f2a9d8e01',
  { namespace: 'shop', name: 'data' },
  { hostPath: { path: '/var/local-path-provisioner/pvc-3f0c5a9e-1d1b-4a57-9b0e-6c1f2a9d8e01_shop_data', type: 'DirectoryOrCreate' } },
);

/** k3s (k3d): claim db/pg-data on the agent k3d-dev-agent-0, class local-path. */
export const K3S_CLAIM = liveClaim('db', 'pg-data', 'pvc-77aa', {
  storageClassName: 'local-path',
  resources: { requests: { storage: '5Gi' } },
});
export const K3S_VOLUME = localPathVolume(
  'pvc-77aa',
  { namespace: 'db', name: 'pg-data' },
  { hostPath: { path: '/var/lib/rancher/k3s/storage/pvc-77aa_db_pg-data', type: 'DirectoryOrCreate' } },
  { nodes: ['k3d-dev-agent-0'], storageClass: 'local-path' },
);

/** A claim's data as claimVolumes finds it on a kind node: shop/data, 1Gi, class standard. */
export const KIND_DATA_VOLUME: ClaimVolume = {
  namespace: 'shop',
  claim: 'data',
  volume: 'pvc-1',
  node: 'dev-control-plane',
  path: '/var/local-path-provisioner/pvc-1_shop_data',
  storageClass: 'standard',
  accessModes: ['ReadWriteOnce'],
  size: '1Gi',
};
