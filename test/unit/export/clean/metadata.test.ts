import { describe, expect, it } from 'vitest';
import { cleanMetadata } from '../../../../src/export/clean/metadata.js';
import { applied } from './apply-rule.js';

const cm = (metadata: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', ...metadata } });

describe('cleanMetadata', () => {
  it('removes identity, timestamps, managed fields and owner references', () => {
    const live = cm({
      namespace: 'shop',
      uid: '6f1c',
      resourceVersion: '4711',
      generation: 3,
      creationTimestamp: '2026-01-01T00:00:00Z',
      deletionTimestamp: '2026-01-02T00:00:00Z',
      deletionGracePeriodSeconds: 30,
      managedFields: [{ manager: 'kubectl', operation: 'Apply' }],
      selfLink: '/api/v1/namespaces/shop/configmaps/cm',
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'x', uid: '1' }],
      generateName: 'cm-',
    });
    expect(applied(cleanMetadata, live)).toEqual(cm({ namespace: 'shop' }));
  });

  it('keeps generateName when there is no name', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { generateName: 'migrate-', uid: 'u' } };
    expect(applied(cleanMetadata, job).metadata).toEqual({ generateName: 'migrate-' });
  });

  it('removes controller annotations and keeps the user’s, dropping the map only when it removed everything', () => {
    const annotations = {
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'deployment.kubernetes.io/revision': '4',
      'deprecated.daemonset.template.generation': '2',
      'control-plane.alpha.kubernetes.io/leader': '{}',
      'pv.kubernetes.io/bind-completed': 'yes',
      'volume.kubernetes.io/selected-node': 'kind-worker',
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    };
    expect(applied(cleanMetadata, cm({ annotations })).metadata).toEqual({ name: 'cm' });
    const kept = {
      'volume.beta.kubernetes.io/storage-class': 'fast',
      'volume.beta.kubernetes.io/mount-options': 'ro',
      'team.example.com/owner': 'web',
    };
    expect(applied(cleanMetadata, cm({ annotations: { ...annotations, ...kept } })).metadata).toEqual({ name: 'cm', annotations: kept });
    expect(applied(cleanMetadata, cm({ annotations: {} })).metadata).toEqual({ name: 'cm', annotations: {} });
  });

  it('removes the finalizers controllers add and keeps the user’s', () => {
    const pvc = cm({ finalizers: ['kubernetes.io/pvc-protection', 'example.com/backup'] });
    expect(applied(cleanMetadata, pvc).metadata).toEqual({ name: 'cm', finalizers: ['example.com/backup'] });
    const svc = cm({ finalizers: ['service.kubernetes.io/load-balancer-cleanup', 'kubernetes.io/pv-protection'] });
    expect(applied(cleanMetadata, svc).metadata).toEqual({ name: 'cm' });
  });

  it('keeps labels and unknown metadata fields', () => {
    expect(applied(cleanMetadata, cm({ labels: { app: 'web' }, clusterName: '' })).metadata).toEqual({
      name: 'cm',
      labels: { app: 'web' },
      clusterName: '',
    });
  });
});
