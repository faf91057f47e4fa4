// What an AKS cluster provides out of the box (promotion.md §1.5, 2.1-2.3; azure-aks-docs concepts-storage.md,
// app-routing.md, internal-lb.md).
import { NO_ANNOTATIONS, type TargetProfile } from '../profile.js';

/** AKS's versions, storage, ingress and load balancers. */
export const aksProfile = {
  title: 'AKS',
  versions: {
    oldest: 33,
    newest: 36,
    source: 'AKS GA versions 1.33-1.36 (promotion.md §1.5, azure-aks-docs supported-kubernetes-versions.md)',
  },
  storage: { hasDefaultClass: true, mapping: { action: 'rename', className: 'managed-csi' } },
  ingress: {
    action: 'set',
    className: 'webapprouting.kubernetes.azure.com',
    annotations: NO_ANNOTATIONS,
    honouredPrefixes: ['nginx.ingress.kubernetes.io/'],
  },
  loadBalancer: {
    action: 'annotate',
    annotations: { public: {}, internal: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } },
  },
} satisfies TargetProfile;
