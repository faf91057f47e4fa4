import { describe, expect, it } from 'vitest';
import { loadBalancerUnsupported, nodePort, publicLoadBalancer } from '../../../../src/export/report/service-rules.js';
import { service } from '../rewrite/fixtures.js';
import { ruleContext } from './rule-context.js';

const nodePortFix = 'expose it through an Ingress or a LoadBalancer Service and let Kubernetes pick node ports';

describe('nodePort', () => {
  it('type NodePort, pinned node ports, or both', () => {
    expect(nodePort(ruleContext(service('web', 'NodePort')))).toEqual([
      { severity: 'warning', rule: 'node-port', message: 'type NodePort: cloud firewalls block node ports', fix: nodePortFix },
    ]);
    expect(nodePort(ruleContext(service('web', 'NodePort', { nodePort: 30080 })))[0]?.message).toBe(
      'type NodePort: cloud firewalls block node ports; pins nodePort 30080',
    );
    expect(nodePort(ruleContext(service('web', 'LoadBalancer', { nodePort: 30080 })))[0]?.message).toBe('pins nodePort 30080');
  });

  it('nothing for a ClusterIP Service', () => {
    expect(nodePort(ruleContext(service('web', 'ClusterIP')))).toEqual([]);
  });
});

describe('loadBalancerUnsupported', () => {
  const lb = service('web', 'LoadBalancer');

  it('a warning where nothing implements LoadBalancer', () => {
    expect(loadBalancerUnsupported(ruleContext(lb, { target: 'kubeadm' }))).toEqual([
      {
        severity: 'warning',
        rule: 'load-balancer-unsupported',
        message: 'kubeadm has no LoadBalancer implementation: the Service stays pending',
        fix: 'install a load balancer implementation (MetalLB, a cloud controller manager) or expose it through an Ingress',
      },
    ]);
  });

  it('info on OpenShift (platform annotations), nothing on clouds kindling maps', () => {
    expect(loadBalancerUnsupported(ruleContext(lb, { target: 'openshift' }))[0]?.severity).toBe('info');
    expect(loadBalancerUnsupported(ruleContext(lb, { target: 'eks' }))).toEqual([]);
  });
});

describe('publicLoadBalancer', () => {
  it('info when the load balancer is internet-facing where it could be internal', () => {
    expect(publicLoadBalancer(ruleContext(service('web', 'LoadBalancer'), { target: 'gke' }))).toEqual([
      {
        severity: 'info',
        rule: 'public-exposure',
        message: 'gets an internet-facing load balancer',
        fix: 'promote again with --internal-load-balancers to keep it private, or limit clients with spec.loadBalancerSourceRanges',
      },
    ]);
  });

  it('carries the target note (EKS needs the controller)', () => {
    expect(publicLoadBalancer(ruleContext(service('web', 'LoadBalancer'), { target: 'eks' }))[0]?.message).toBe(
      'gets an internet-facing load balancer (needs the AWS Load Balancer Controller; EKS Auto Mode uses loadBalancerClass eks.amazonaws.com/nlb instead)',
    );
  });

  it('nothing once it carries the internal annotations, or where the target has no choice', () => {
    const internal = service('web', 'LoadBalancer');
    internal.metadata.annotations = { 'networking.gke.io/load-balancer-type': 'Internal' };
    expect(publicLoadBalancer(ruleContext(internal, { target: 'gke' }))).toEqual([]);
    expect(publicLoadBalancer(ruleContext(service('web', 'LoadBalancer'), { target: 'rke2' }))).toEqual([]);
  });
});
