import { describe, expect, it } from 'vitest';
import { cleanObject } from '../../../../src/export/clean/clean.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

const LIVE_SERVICE: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: {
    name: 'web',
    namespace: 'shop',
    uid: 'c0ffee',
    resourceVersion: '812',
    creationTimestamp: '2026-03-01T12:00:00Z',
    managedFields: [
      {
        manager: 'kubectl',
        operation: 'Apply',
        fieldsV1: { 'f:spec': { 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { 'f:nodePort': {}, 'f:port': {} } }, 'f:type': {} } },
      },
    ],
  },
  spec: {
    type: 'NodePort',
    clusterIP: '10.96.0.77',
    clusterIPs: ['10.96.0.77'],
    externalTrafficPolicy: 'Cluster',
    ipFamilies: ['IPv4'],
    ipFamilyPolicy: 'SingleStack',
    sessionAffinity: 'None',
    internalTrafficPolicy: 'Cluster',
    selector: { app: 'web' },
    ports: [
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 },
      { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 9090, nodePort: 31777 },
    ],
  },
  status: { loadBalancer: {} },
};

const LIVE_CLAIM: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: {
    name: 'data',
    namespace: 'shop',
    uid: 'abc',
    annotations: {
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
      'volume.kubernetes.io/selected-node': 'kind-control-plane',
    },
    finalizers: ['kubernetes.io/pvc-protection'],
  },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    volumeName: 'pvc-1f2e',
  },
  status: { phase: 'Bound' },
};

describe('cleanObject', () => {
  it('cleans a live NodePort Service: keeps the pinned nodePort, which it reads before metadata is stripped', () => {
    expect(cleanObject(LIVE_SERVICE)).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        type: 'NodePort',
        selector: { app: 'web' },
        ports: [
          { name: 'http', port: 80, targetPort: 8080, nodePort: 30080 },
          { name: 'metrics', port: 9090 },
        ],
      },
    });
  });

  it('cleans a live claim: binding annotations, finalizer, volumeName and status go; the class stays for the rewrite', () => {
    expect(cleanObject(LIVE_CLAIM)).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'shop' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard' },
    });
  });

  it('never changes its input', () => {
    for (const input of [LIVE_SERVICE, LIVE_CLAIM]) {
      const before = structuredClone(input);
      expect(() => cleanObject(deepFreeze(structuredClone(input)))).not.toThrow();
      cleanObject(input);
      expect(input).toEqual(before);
    }
  });

  it('is idempotent', () => {
    for (const input of [LIVE_SERVICE, LIVE_CLAIM]) {
      const once = cleanObject(input);
      expect(cleanObject(once)).toEqual(once);
    }
  });

  it('returns a hand-written manifest without server fields unchanged', () => {
    const file: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } },
      },
    };
    expect(cleanObject(file)).toEqual(file);
  });
});
