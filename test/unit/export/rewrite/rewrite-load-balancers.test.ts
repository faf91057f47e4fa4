import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import type { RewriteOptions } from '../../../../src/export/rewrite/rewrite-context.js';
import { rewriteLoadBalancer } from '../../../../src/export/rewrite/rewrite-load-balancers.js';
import type { TargetName } from '../../../../src/export/targets/index.js';
import { service } from './fixtures.js';

const run = (o: KubeObject, target: TargetName, options: RewriteOptions = {}) => rewriteLoadBalancer(o, { target, options, base: [] });
const lb = service('web', 'LoadBalancer');

describe('rewriteLoadBalancer (promotion.md 2.3)', () => {
  it('eks: NLB through the AWS Load Balancer Controller, internet-facing unless internal is asked for', () => {
    expect(run(lb, 'eks')).toEqual({
      ops: [
        {
          op: 'add',
          path: '/metadata/annotations',
          value: {
            'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
            'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
          },
        },
        { op: 'add', path: '/spec/loadBalancerClass', value: 'service.k8s.aws/nlb' },
      ],
    });
    expect(run(lb, 'eks', { internalLoadBalancers: true }).ops[0]?.value).toEqual({
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
    });
  });

  it.each([
    ['kops', { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' }],
    ['gke', { 'networking.gke.io/load-balancer-type': 'Internal' }],
    ['aks', { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }],
  ] as const)('%s: public by default (no change), the internal annotation on request', (target, internal) => {
    expect(run(lb, target)).toEqual({ ops: [] });
    expect(run(lb, target, { internalLoadBalancers: true })).toEqual({
      ops: [{ op: 'add', path: '/metadata/annotations', value: internal }],
    });
  });

  it('keeps what the user set: their annotation value and loadBalancerClass', () => {
    const own = service('web', 'LoadBalancer');
    own.metadata.annotations = { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal' };
    (own['spec'] as Record<string, unknown>)['loadBalancerClass'] = 'eks.amazonaws.com/nlb';
    expect(run(own, 'eks').ops).toEqual([
      { op: 'add', path: '/metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-nlb-target-type', value: 'ip' },
    ]);
  });

  it.each(['kubeadm', 'openshift', 'rke2', 'rancher', 'tanzu', 'capi'] as const)('%s: nothing to add (the report explains)', (target) => {
    expect(run(lb, target, { internalLoadBalancers: true })).toEqual({ ops: [] });
  });

  it('ignores other Service types', () => {
    expect(run(service('web', 'ClusterIP'), 'eks')).toEqual({ ops: [] });
  });
});
