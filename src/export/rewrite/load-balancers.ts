// What a `type: LoadBalancer` Service needs on each target, encoded once from promotion.md section 2.3
// ("type: LoadBalancer Service annotations") and 3.6 (LoadBalancer defaults flip).
import type { KubeObject } from '../kube-object.js';
import type { ExposureAnnotations } from './exposure.js';
import type { PromotionTarget } from './targets.js';

/** What a dev LoadBalancer Service gets on a target. */
export type LoadBalancerMapping =
  /** Add `annotations` (and spec.loadBalancerClass when given) unless the Service already sets them. */
  | { action: 'annotate'; loadBalancerClass?: string; annotations: ExposureAnnotations; note?: string }
  /** Nothing to add: `reason` says what the user must provide, at `severity`. */
  | { action: 'none'; severity: 'warning' | 'info'; reason: string; fix: string };

const NO_IMPLEMENTATION = {
  action: 'none',
  severity: 'warning',
  fix: 'install a load balancer implementation (MetalLB, a cloud controller manager) or expose it through an Ingress',
} as const;

/** promotion.md 2.3, one row per target (sources: EKS user guide, aws-load-balancer-controller nlb.md, GKE service-load-balancer-parameters, azure-aks-docs internal-lb.md, rke2-docs). */
export const TARGET_LOAD_BALANCER: Record<PromotionTarget, LoadBalancerMapping> = {
  kubeadm: { ...NO_IMPLEMENTATION, reason: 'kubeadm has no LoadBalancer implementation: the Service stays pending' },
  kops: {
    action: 'annotate',
    annotations: { public: {}, internal: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' } },
    note: 'without the AWS Load Balancer Controller add-on kops makes a Classic ELB',
  },
  eks: {
    action: 'annotate',
    loadBalancerClass: 'service.k8s.aws/nlb',
    annotations: {
      public: {
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      },
      internal: {
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
      },
    },
    note: 'needs the AWS Load Balancer Controller; EKS Auto Mode uses loadBalancerClass eks.amazonaws.com/nlb instead',
  },
  gke: { action: 'annotate', annotations: { public: {}, internal: { 'networking.gke.io/load-balancer-type': 'Internal' } } },
  aks: {
    action: 'annotate',
    annotations: { public: {}, internal: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } },
  },
  openshift: {
    action: 'none',
    severity: 'info',
    reason: "OpenShift uses the underlying cloud's LoadBalancer annotations, and bare-metal/vSphere has none without MetalLB",
    fix: "add the platform's annotations (for example the AWS, Azure or GCP internal-LB annotation) if the default is not wanted",
  },
  rke2: { ...NO_IMPLEMENTATION, reason: 'RKE2 leaves the Service pending unless ServiceLB (enable-servicelb), MetalLB or a cloud controller runs' },
  rancher: { ...NO_IMPLEMENTATION, reason: 'a Rancher-provisioned cluster leaves the Service pending unless its cloud provider or MetalLB serves it' },
  tanzu: {
    action: 'none',
    severity: 'info',
    reason: 'a Tanzu guest cluster gets LoadBalancers from the Supervisor network (NSX or Avi); annotations are site-specific',
    fix: "check the Supervisor's load balancer and add its annotations if needed",
  },
  capi: { ...NO_IMPLEMENTATION, reason: 'a Cluster API cluster has a LoadBalancer implementation only if its provider or ClusterClass adds one' },
};

/** Whether an object is a core/v1 Service of type LoadBalancer. */
export function isLoadBalancerService(o: KubeObject): boolean {
  const spec = o['spec'] as { type?: unknown } | undefined;
  return o.kind === 'Service' && o.apiVersion === 'v1' && spec?.type === 'LoadBalancer';
}
