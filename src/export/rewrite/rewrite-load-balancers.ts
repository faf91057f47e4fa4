// LoadBalancer Services (promotion.md 2.3 and 3.6): make the exposure explicit where the target would otherwise
// decide silently (EKS's controller makes an internal NLB; GKE and AKS make a public one).
import type { KubeObject } from '../kube-object.js';
import { annotationOps } from './annotation-ops.js';
import { exposureAnnotations } from './exposure.js';
import type { JsonPatchOp } from './json-patch.js';
import { profileOf } from '../targets/index.js';
import { isLoadBalancerService } from './load-balancers.js';
import type { ObjectRewrite, RewriteContext } from './rewrite-context.js';
import { valueAt } from './value-at.js';

/** Adds the target's annotations (and loadBalancerClass) to LoadBalancer Services; what the user set wins. */
export function rewriteLoadBalancer(o: KubeObject, ctx: RewriteContext): ObjectRewrite {
  const mapping = profileOf(ctx.target).loadBalancer;
  if (!isLoadBalancerService(o) || mapping.action === 'none') return { ops: [] };
  const wanted = { ...exposureAnnotations(mapping.annotations, ctx.options.internalLoadBalancers), ...o.metadata.annotations };
  return { ops: [...annotationOps(o, wanted), ...classOps(o, mapping.loadBalancerClass)] };
}

function classOps(o: KubeObject, loadBalancerClass: string | undefined): JsonPatchOp[] {
  if (loadBalancerClass === undefined || valueAt(o, ['spec', 'loadBalancerClass']) !== undefined) return [];
  return [{ op: 'add', path: '/spec/loadBalancerClass', value: loadBalancerClass }];
}
