// Ingresses the target's controller will not serve as the dev controller did: no controller at all, dev-controller
// annotations, a class field where the class is an annotation (GKE), and public load balancers (promotion.md 2.2 and 3.7).
import { exposureIsChoosable, isMarkedInternal } from '../rewrite/exposure.js';
import { DEV_CONTROLLER_PREFIXES, DEV_INGRESS_CLASSES, ingressClassOf, isIngress } from '../rewrite/ingress-classes.js';
import { valueAt } from '../rewrite/value-at.js';
import { profileOf } from '../targets/index.js';
import { INGRESS_CLASS_ANNOTATION } from '../targets/profile.js';
import type { Rule } from './finding.js';

/** An Ingress for the dev controller on a target that has no ingress controller by default. */
export const ingressUnsupported: Rule = ({ object, target }) => {
  const mapping = profileOf(target).ingress;
  const ingressClass = isIngress(object) ? ingressClassOf(object) : undefined;
  if (ingressClass === undefined || !DEV_INGRESS_CLASSES.includes(ingressClass) || mapping.action !== 'none') return [];
  const message = `ingress class ${ingressClass === '' ? '(none)' : ingressClass} is the dev controller's; ${mapping.reason}`;
  return [
    {
      severity: 'warning',
      rule: 'ingress-unsupported',
      message,
      fix: 'install an ingress controller on the target and set spec.ingressClassName to its class',
    },
  ];
};

/** nginx/traefik annotations that the target's controller ignores. */
export const ingressDevAnnotations: Rule = ({ object, target }) => {
  const mapping = profileOf(target).ingress;
  if (!isIngress(object) || mapping.action !== 'set') return [];
  const ignored = Object.keys(object.metadata.annotations ?? {}).filter(
    (key) => DEV_CONTROLLER_PREFIXES.some((p) => key.startsWith(p)) && !mapping.honouredPrefixes.some((p) => key.startsWith(p)),
  );
  if (ignored.length === 0) return [];
  const message = `${ignored.length === 1 ? 'annotation' : 'annotations'} ${ignored.join(', ')} ${ignored.length === 1 ? 'does' : 'do'} nothing for the target's ingress controller`;
  return [
    {
      severity: 'warning',
      rule: 'ingress-dev-annotations',
      message,
      fix: "translate them to the target controller's settings, then remove them",
    },
  ];
};

/** A target whose controller is selected by the class annotation (GKE): spec.ingressClassName cannot select it. */
export const gkeIngressClassName: Rule = ({ object, target }) => {
  const { ingress, title } = profileOf(target);
  const className = valueAt(object, ['spec', 'ingressClassName']);
  if (ingress.action !== 'set' || ingress.className !== undefined || !isIngress(object) || typeof className !== 'string') return [];
  const [annotated, internal] = [
    ingress.annotations.public[INGRESS_CLASS_ANNOTATION],
    ingress.annotations.internal[INGRESS_CLASS_ANNOTATION],
  ];
  const message = `spec.ingressClassName ${className} cannot select ${title}'s built-in Ingress controller`;
  const fix = `unless you run that controller, remove spec.ingressClassName and annotate ${INGRESS_CLASS_ANNOTATION}: ${annotated} (or ${internal})`;
  return [{ severity: 'warning', rule: 'gke-ingress-class-name', message, fix }];
};

/** An Ingress moved from the dev controller to a target load balancer that is internet-facing but could be internal. */
export const publicIngress: Rule = ({ object, original, target }) => {
  const mapping = profileOf(target).ingress;
  if (original === undefined || !isIngress(original) || !DEV_INGRESS_CLASSES.includes(ingressClassOf(original))) return [];
  if (mapping.action !== 'set' || !exposureIsChoosable(mapping.annotations)) return [];
  if (isMarkedInternal(object.metadata.annotations, mapping.annotations)) return [];
  return [
    {
      severity: 'info',
      rule: 'public-exposure',
      message: 'gets an internet-facing load balancer',
      fix: 'promote again with --internal-load-balancers to keep it private',
    },
  ];
};

/** An Ingress on a target whose controller ships switched off (MKE's NGINX Ingress Controller: an admin enables it). */
export const ingressControllerOff: Rule = ({ object, target }) => {
  const { ingress, ingressControllerOff: off } = profileOf(target);
  if (!isIngress(object) || off === undefined || ingress.action !== 'set') return [];
  return [
    {
      severity: 'info',
      rule: 'ingress-controller-off',
      message: `class ${ingress.className ?? '(default)'} is served only once ${off}`,
      fix: 'have an admin turn the ingress controller on before applying the bundle',
    },
  ];
};
