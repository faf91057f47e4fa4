// The Ingress classes and annotations only dev controllers answer to (promotion.md section 2.2, "Ingress classes",
// and 3.7); what each target's controller answers to is in its profile.
import type { KubeObject } from '../kube-object.js';
import { INGRESS_CLASS_ANNOTATION } from '../targets/profile.js';

/** Classes the dev clusters answer to: none (kind's cloud-provider-kind, GKE-style), ingress-nginx and k3d's Traefik. */
export const DEV_INGRESS_CLASSES: readonly string[] = ['', 'nginx', 'traefik'];

/** Annotation prefixes of the dev controllers (promotion.md 2.2, last paragraph). */
export const DEV_CONTROLLER_PREFIXES: readonly string[] = ['nginx.ingress.kubernetes.io/', 'traefik.ingress.kubernetes.io/'];

/** The class an Ingress asks for: spec.ingressClassName, else the legacy annotation, else '' (none). */
export function ingressClassOf(ingress: KubeObject): string {
  const spec = ingress['spec'] as { ingressClassName?: unknown } | undefined;
  const name = spec?.ingressClassName ?? ingress.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  return typeof name === 'string' ? name : '';
}

/** Whether a kind/group is a networking Ingress (networking.k8s.io, or the old extensions group). */
export function isIngress(o: KubeObject): boolean {
  return o.kind === 'Ingress' && /^(networking\.k8s\.io|extensions)\//.test(o.apiVersion);
}
