// The production distributions kindling promotes to (issue 5); every per-target table is keyed by these.

/** Every promotion target, in the order reports list them. */
export const PROMOTION_TARGETS = ['kubeadm', 'kops', 'eks', 'gke', 'aks', 'openshift', 'rke2', 'rancher', 'tanzu', 'capi'] as const;

/** One promotion target. */
export type PromotionTarget = (typeof PROMOTION_TARGETS)[number];
