// What a distribution provides out of the box, as each target's profile.ts records it from promotion.md: its
// Kubernetes versions (§1), StorageClasses (§2.1), Ingress controller (§2.2), LoadBalancer implementation (§2.3)
// and the quirks the report checks. The rewrite and report rules read profiles through TARGETS, never by name.

/** Supported Kubernetes minors 1.oldest–1.newest, where the numbers come from (sources read about August 2026),
 * and what was not verified. */
export interface VersionWindow {
  oldest: number;
  newest: number;
  source: string;
  unverified?: string;
}

/** Annotations for each exposure: `public` is used unless the `internalLoadBalancers` option is set. */
export interface ExposureAnnotations {
  public: Record<string, string>;
  internal: Record<string, string>;
}

/** What a claim naming a dev class gets on a target. */
export type StorageMapping =
  /** Set storageClassName to `className`; `caveat` is what the user should still check. */
  | { action: 'rename'; className: string; caveat?: string }
  /** Drop storageClassName: the target always marks a default class, but its name depends on the platform. */
  | { action: 'use-default'; caveat: string }
  /** Nothing safe to pick: the claim keeps its dev class and stays Pending until the user names one. */
  | { action: 'none'; reason: string };

/** How a target provides storage. */
export interface TargetStorage {
  mapping: StorageMapping;
  /** Whether a claim without storageClassName gets a volume on a fresh cluster. */
  hasDefaultClass: boolean;
}

/** What an Ingress meant for the dev controller gets on a target. */
export type IngressMapping =
  /**
   * Set `className` as spec.ingressClassName (absent: remove the field, the target selects by annotation), add
   * `annotations`; `honouredPrefixes` are dev-controller annotation prefixes the target's controller still reads.
   */
  | { action: 'set'; className?: string; annotations: ExposureAnnotations; honouredPrefixes: readonly string[] }
  /** The target has no ingress controller by default. */
  | { action: 'none'; reason: string };

/** What a dev LoadBalancer Service gets on a target. */
export type LoadBalancerMapping =
  /** Add `annotations` (and spec.loadBalancerClass when given) unless the Service already sets them. */
  | { action: 'annotate'; loadBalancerClass?: string; annotations: ExposureAnnotations; note?: string }
  /** Nothing to add: `reason` says what the user must provide, at `severity`. */
  | { action: 'none'; severity: 'warning' | 'info'; reason: string; fix: string };

/** Everything the rewrite and the report know about one target. */
export interface TargetProfile {
  /** The distribution's name in report messages (GKE, OpenShift). */
  title: string;
  /** Supported Kubernetes minors; absent when kindling cannot know them (Tanzu: the TKrs on each Supervisor). */
  versions?: VersionWindow;
  storage: TargetStorage;
  ingress: IngressMapping;
  /** Ingresses for the dev controller may become native Routes when the user asks (the openshiftRoutes option). */
  ingressRoutes?: boolean;
  loadBalancer: LoadBalancerMapping;
  /** Pods get a UID from their namespace's range, so a fixed runAsUser is refused (OpenShift's restricted-v2 SCC). */
  namespaceUidRange?: boolean;
  /** Privileged containers, host namespaces and hostPath are refused to users who are not admins (MKE's admission). */
  hostAccessAdminOnly?: boolean;
  /** The ingress controller ships switched off: what turns it on (MKE: an admin's setting). */
  ingressControllerOff?: string;
}

/** The legacy annotation that selected a class before spec.ingressClassName, and that GKE still requires. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** The same (no) annotations for both exposures. */
export const NO_ANNOTATIONS: ExposureAnnotations = { public: {}, internal: {} };

/** A target without a LoadBalancer implementation: the Service stays pending; each target adds its `reason`. */
export const NO_LOAD_BALANCER = {
  action: 'none',
  severity: 'warning',
  fix: 'install a load balancer implementation (MetalLB, a cloud controller manager) or expose it through an Ingress',
} as const;

/** AWS Load Balancer Controller (kops on AWS, EKS): ALBs are internal unless told otherwise; `ip` targets work with
 * ClusterIP backends (`instance`, the default, needs NodePort Services) [aws-load-balancer-controller @ v3.5.0 :
 * docs/guide/ingress/annotations.md]. */
export const AWS_ALB_INGRESS: IngressMapping = {
  action: 'set',
  className: 'alb',
  annotations: {
    public: { 'alb.ingress.kubernetes.io/scheme': 'internet-facing', 'alb.ingress.kubernetes.io/target-type': 'ip' },
    internal: { 'alb.ingress.kubernetes.io/scheme': 'internal', 'alb.ingress.kubernetes.io/target-type': 'ip' },
  },
  honouredPrefixes: [],
};
