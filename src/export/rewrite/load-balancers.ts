// Which objects the load-balancer rules are about (promotion.md section 2.3 and 3.6); what a `type: LoadBalancer`
// Service needs on each target is in its profile.
import type { KubeObject } from '../kube-object.js';

/** Whether an object is a core/v1 Service of type LoadBalancer. */
export function isLoadBalancerService(o: KubeObject): boolean {
  const spec = o['spec'] as { type?: unknown } | undefined;
  return o.kind === 'Service' && o.apiVersion === 'v1' && spec?.type === 'LoadBalancer';
}
