import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import type { RewriteOptions } from '../../../../src/export/rewrite/rewrite-context.js';
import { rewriteIngress } from '../../../../src/export/rewrite/rewrite-ingress.js';
import type { TargetName } from '../../../../src/export/targets/index.js';
import { ingress, service } from './fixtures.js';

const run = (o: KubeObject, target: TargetName, options: RewriteOptions = {}) =>
  rewriteIngress(o, { target, options, base: [service('web', 'ClusterIP')] });

describe('rewriteIngress (promotion.md 2.2)', () => {
  it('gke: removes ingressClassName and sets the gce class annotation', () => {
    expect(run(ingress({ ingressClassName: 'nginx' }), 'gke')).toEqual({
      ops: [
        { op: 'remove', path: '/spec/ingressClassName' },
        { op: 'add', path: '/metadata/annotations', value: { 'kubernetes.io/ingress.class': 'gce' } },
      ],
    });
  });

  it('gke: replaces a legacy class annotation, gce-internal when internal, keeping other annotations', () => {
    const o = ingress({}, { 'kubernetes.io/ingress.class': 'traefik', team: 'a' });
    expect(run(o, 'gke', { internalLoadBalancers: true })).toEqual({
      ops: [{ op: 'add', path: '/metadata/annotations/kubernetes.io~1ingress.class', value: 'gce-internal' }],
    });
  });

  it('eks and kops: class alb, internet-facing, ip targets (ClusterIP backends)', () => {
    for (const target of ['eks', 'kops'] as const) {
      expect(run(ingress(), target)).toEqual({
        ops: [
          { op: 'add', path: '/spec/ingressClassName', value: 'alb' },
          {
            op: 'add',
            path: '/metadata/annotations',
            value: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'alb.ingress.kubernetes.io/target-type': 'ip' },
          },
        ],
      });
    }
  });

  it('eks: an annotation the user set wins over the table', () => {
    const o = ingress({ ingressClassName: 'nginx' }, { 'alb.ingress.kubernetes.io/scheme': 'internal' });
    expect(run(o, 'eks').ops).toEqual([
      { op: 'add', path: '/spec/ingressClassName', value: 'alb' },
      { op: 'add', path: '/metadata/annotations/alb.ingress.kubernetes.io~1target-type', value: 'ip' },
    ]);
  });

  it.each([
    ['aks', 'webapprouting.kubernetes.azure.com'],
    ['openshift', 'openshift-default'],
    ['rke2', 'traefik'],
    ['rancher', 'traefik'],
  ] as const)('%s: class %s, legacy annotation removed', (target, className) => {
    expect(run(ingress({}, { 'kubernetes.io/ingress.class': 'nginx' }), target)).toEqual({
      ops: [
        { op: 'add', path: '/spec/ingressClassName', value: className },
        { op: 'remove', path: '/metadata/annotations' },
      ],
    });
  });

  it.each(['kubeadm', 'tanzu', 'capi'] as const)('%s: no controller, nothing to rewrite (the report says so)', (target) => {
    expect(run(ingress({ ingressClassName: 'nginx' }), target)).toEqual({ ops: [] });
  });

  it('leaves an Ingress for another controller alone', () => {
    expect(run(ingress({ ingressClassName: 'webapprouting.kubernetes.azure.com' }), 'gke')).toEqual({ ops: [] });
  });

  it('openshift with openshiftRoutes: drops the Ingress and adds Routes', () => {
    const result = run(ingress({ ingressClassName: 'nginx' }), 'openshift', { openshiftRoutes: true });
    expect(result.ops).toEqual([]);
    expect(result.drop).toBe(true);
    expect(result.add?.map((r) => `${r.kind}/${r.metadata.name}`)).toEqual(['Route/web']);
  });

  it('openshift with openshiftRoutes: an Ingress with only resource backends keeps the class instead', () => {
    const o = ingress({ ingressClassName: 'nginx' });
    (o['spec'] as Record<string, unknown>)['rules'] = [
      { http: { paths: [{ path: '/', backend: { resource: { kind: 'Bucket', name: 'static' } } }] } },
    ];
    expect(run(o, 'openshift', { openshiftRoutes: true })).toEqual({
      ops: [{ op: 'add', path: '/spec/ingressClassName', value: 'openshift-default' }],
    });
  });

  it('openshiftRoutes means nothing to other targets', () => {
    expect(run(ingress(), 'aks', { openshiftRoutes: true }).drop).toBeUndefined();
  });
});
