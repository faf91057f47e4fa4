// Services that assume the dev cluster's networking: NodePorts reachable through port mappings, and LoadBalancers
// whose implementation or exposure differs on the target (promotion.md 2.3, 3.5 and 3.6).
import type { KubeObject } from '../kube-object.js';
import { exposureIsChoosable, isMarkedInternal } from '../rewrite/exposure.js';
import { isLoadBalancerService } from '../rewrite/load-balancers.js';
import { valueAt } from '../rewrite/value-at.js';
import { profileOf } from '../targets/index.js';
import type { Rule } from './finding.js';

/** type NodePort, or pinned nodePorts: firewalled in clouds and changed on re-creation. */
export const nodePort: Rule = ({ object }) => {
  if (object.kind !== 'Service' || object.apiVersion !== 'v1') return [];
  const pinned = pinnedNodePorts(object);
  const isNodePort = valueAt(object, ['spec', 'type']) === 'NodePort';
  if (!isNodePort && pinned.length === 0) return [];
  const parts = [
    ...(isNodePort ? ['type NodePort: cloud firewalls block node ports'] : []),
    ...(pinned.length > 0 ? [`pins nodePort ${pinned.join(', ')}`] : []),
  ];
  return [
    {
      severity: 'warning',
      rule: 'node-port',
      message: parts.join('; '),
      fix: 'expose it through an Ingress or a LoadBalancer Service and let Kubernetes pick node ports',
    },
  ];
};

/** A LoadBalancer Service on a target with no implementation or with annotations kindling cannot know. */
export const loadBalancerUnsupported: Rule = ({ object, target }) => {
  const mapping = profileOf(target).loadBalancer;
  if (!isLoadBalancerService(object) || mapping.action !== 'none') return [];
  return [{ severity: mapping.severity, rule: 'load-balancer-unsupported', message: mapping.reason, fix: mapping.fix }];
};

/** A LoadBalancer Service that gets an internet-facing load balancer where the target could make it internal. */
export const publicLoadBalancer: Rule = ({ object, target }) => {
  const mapping = profileOf(target).loadBalancer;
  if (!isLoadBalancerService(object) || mapping.action !== 'annotate' || !exposureIsChoosable(mapping.annotations)) return [];
  if (isMarkedInternal(object.metadata.annotations, mapping.annotations)) return [];
  const note = mapping.note === undefined ? '' : ` (${mapping.note})`;
  return [
    {
      severity: 'info',
      rule: 'public-exposure',
      message: `gets an internet-facing load balancer${note}`,
      fix: 'promote again with --internal-load-balancers to keep it private, or limit clients with spec.loadBalancerSourceRanges',
    },
  ];
};

function pinnedNodePorts(service: KubeObject): number[] {
  const ports = valueAt(service, ['spec', 'ports']);
  return (Array.isArray(ports) ? ports : [])
    .map((p: unknown) => valueAt(p, ['nodePort']))
    .filter((n): n is number => typeof n === 'number');
}
