// Ingress class and annotations (promotion.md 2.2 and 3.7): an Ingress meant for the dev controller gets the
// target's class, or its class annotation (GKE), or (where the target has Routes, when asked) is replaced by Routes.
import type { KubeObject } from '../kube-object.js';
import { annotationOps } from './annotation-ops.js';
import { exposureAnnotations } from './exposure.js';
import { profileOf } from '../targets/index.js';
import { INGRESS_CLASS_ANNOTATION } from '../targets/profile.js';
import { DEV_INGRESS_CLASSES, ingressClassOf, isIngress } from './ingress-classes.js';
import type { JsonPatchOp } from './json-patch.js';
import { routesForIngress } from './openshift-routes.js';
import type { ObjectRewrite, RewriteContext } from './rewrite-context.js';
import { isRecord } from './value-at.js';

/** Retargets Ingresses for the dev controller (no class, nginx, traefik); other classes are the user's choice and stay. */
export function rewriteIngress(o: KubeObject, ctx: RewriteContext): ObjectRewrite {
  const profile = profileOf(ctx.target);
  const mapping = profile.ingress;
  if (!isIngress(o) || !DEV_INGRESS_CLASSES.includes(ingressClassOf(o)) || mapping.action === 'none') return { ops: [] };
  // An Ingress with no Service backend (only `resource` backends) has no Route equivalent: it keeps the class instead.
  const routes = profile.ingressRoutes === true && ctx.options.openshiftRoutes === true ? routesForIngress(o, ctx.base) : [];
  if (routes.length > 0) return { ops: [], drop: true, add: routes };
  const kept = Object.fromEntries(Object.entries(o.metadata.annotations ?? {}).filter(([key]) => key !== INGRESS_CLASS_ANNOTATION));
  const wanted = { ...exposureAnnotations(mapping.annotations, ctx.options.internalLoadBalancers), ...kept };
  return { ops: [...classNameOps(o, mapping.className), ...annotationOps(o, wanted)] };
}

function classNameOps(o: KubeObject, className: string | undefined): JsonPatchOp[] {
  const spec = o['spec'];
  if (!isRecord(spec)) return [];
  if (className === undefined) return 'ingressClassName' in spec ? [{ op: 'remove', path: '/spec/ingressClassName' }] : [];
  return spec['ingressClassName'] === className ? [] : [{ op: 'add', path: '/spec/ingressClassName', value: className }];
}
