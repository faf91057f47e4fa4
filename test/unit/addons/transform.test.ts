import { describe, expect, it } from 'vitest';
import { transformObjects } from '../../../src/addons/transform.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'metrics-server', namespace: 'kube-system' },
  spec: {
    template: {
      spec: {
        containers: [
          { name: 'metrics-server', image: 'gcr.io/k8s-staging-metrics-server/metrics-server:master', args: ['--cert-dir=/tmp'] },
        ],
      },
    },
  },
};
const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'metrics-server' }, spec: { ports: [{ port: 443 }] } };

describe('transformObjects (what the metrics-server release overlay does)', () => {
  const t = {
    commonLabels: { 'k8s-app': 'metrics-server' },
    images: { 'gcr.io/k8s-staging-metrics-server/metrics-server': 'registry.k8s.io/metrics-server/metrics-server:v0.9.0' },
    args: { 'metrics-server/metrics-server': ['--kubelet-insecure-tls'] },
  };

  it('labels objects, selectors and pod templates; replaces the image; appends args', () => {
    const [d, s] = transformObjects([deployment, service], t) as [
      typeof deployment & Record<string, unknown>,
      typeof service & Record<string, unknown>,
    ];
    expect(d.metadata).toEqual({ name: 'metrics-server', namespace: 'kube-system', labels: { 'k8s-app': 'metrics-server' } });
    expect((d.spec as Record<string, unknown>).selector).toEqual({ matchLabels: { 'k8s-app': 'metrics-server' } });
    expect((d.spec.template as Record<string, unknown>).metadata).toEqual({ labels: { 'k8s-app': 'metrics-server' } });
    expect(d.spec.template.spec.containers[0]).toEqual({
      name: 'metrics-server',
      image: 'registry.k8s.io/metrics-server/metrics-server:v0.9.0',
      args: ['--cert-dir=/tmp', '--kubelet-insecure-tls'],
    });
    expect(s.spec).toEqual({ ports: [{ port: 443 }], selector: { 'k8s-app': 'metrics-server' } });
  });

  it('leaves its input alone and does nothing without transforms', () => {
    const before = structuredClone(deployment);
    transformObjects([deployment], t);
    expect(deployment).toEqual(before);
    expect(transformObjects([deployment], undefined)).toEqual([before]);
  });
});
