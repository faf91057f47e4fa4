// Which Ingress class or annotations each target's controller answers to, encoded once from promotion.md
// section 2.2 ("Ingress classes") and 3.7 (annotations only the dev controller understands).
import type { KubeObject } from '../kube-object.js';
import type { ExposureAnnotations } from './exposure.js';
import type { PromotionTarget } from './targets.js';

/** What an Ingress meant for the dev controller gets on a target. */
export type IngressMapping =
  /**
   * Set `className` as spec.ingressClassName (absent: remove the field, the target selects by annotation), add
   * `annotations`; `honouredPrefixes` are dev-controller annotation prefixes the target's controller still reads.
   */
  | { action: 'set'; className?: string; annotations: ExposureAnnotations; honouredPrefixes: readonly string[] }
  /** The target has no ingress controller by default. */
  | { action: 'none'; reason: string };

/** Classes the dev clusters answer to: none (kind's cloud-provider-kind, GKE-style), ingress-nginx and k3d's Traefik. */
export const DEV_INGRESS_CLASSES: readonly string[] = ['', 'nginx', 'traefik'];

/** The legacy annotation that selected a class before spec.ingressClassName, and that GKE still requires. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** Annotation prefixes of the dev controllers (promotion.md 2.2, last paragraph). */
export const DEV_CONTROLLER_PREFIXES: readonly string[] = ['nginx.ingress.kubernetes.io/', 'traefik.ingress.kubernetes.io/'];

const NO_ANNOTATIONS: ExposureAnnotations = { public: {}, internal: {} };

// AWS Load Balancer Controller: ALBs are internal unless told otherwise; `ip` targets work with ClusterIP backends
// (`instance`, the default, needs NodePort Services) [aws-load-balancer-controller @ v3.5.0 : docs/guide/ingress/annotations.md].
const ALB: IngressMapping = {
  action: 'set',
  className: 'alb',
  annotations: {
    public: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'alb.ingress.kubernetes.io/target-type': 'ip' },
    internal: { 'alb.ingress.kubernetes.io/scheme': 'internal', 'alb.ingress.kubernetes.io/target-type': 'ip' },
  },
  honouredPrefixes: [],
};

const TRAEFIK: IngressMapping = {
  action: 'set',
  className: 'traefik',
  annotations: NO_ANNOTATIONS,
  honouredPrefixes: ['traefik.ingress.kubernetes.io/'],
};

/** promotion.md 2.2, one row per target (sources: aws-load-balancer-controller, GKE troubleshooting/ingress, azure-aks-docs app-routing.md, cluster-ingress-operator, rke2 v1.36 release notes). */
export const TARGET_INGRESS: Record<PromotionTarget, IngressMapping> = {
  kubeadm: { action: 'none', reason: 'kubeadm installs no ingress controller' },
  kops: ALB,
  eks: ALB,
  gke: {
    action: 'set',
    annotations: { public: { [INGRESS_CLASS_ANNOTATION]: 'gce' }, internal: { [INGRESS_CLASS_ANNOTATION]: 'gce-internal' } },
    honouredPrefixes: [],
  },
  aks: {
    action: 'set',
    className: 'webapprouting.kubernetes.azure.com',
    annotations: NO_ANNOTATIONS,
    honouredPrefixes: ['nginx.ingress.kubernetes.io/'],
  },
  openshift: { action: 'set', className: 'openshift-default', annotations: NO_ANNOTATIONS, honouredPrefixes: [] },
  rke2: TRAEFIK,
  rancher: TRAEFIK,
  tanzu: { action: 'none', reason: 'a Tanzu cluster has no ingress controller until one (typically Contour) is installed' },
  capi: { action: 'none', reason: 'a Cluster API cluster has no ingress controller unless its ClusterClass adds one' },
};

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
