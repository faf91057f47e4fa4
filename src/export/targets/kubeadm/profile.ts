// What a kubeadm cluster provides out of the box (promotion.md §1.1, 2.1-2.3): upstream versions and nothing
// else: no StorageClass, no ingress controller, no LoadBalancer implementation.
import { NO_LOAD_BALANCER, type TargetProfile } from '../profile.js';

/** kubeadm's versions, storage, ingress and load balancers. */
export const kubeadmProfile = {
  title: 'kubeadm',
  versions: { oldest: 34, newest: 36, source: 'upstream maintains 1.34, 1.35 and 1.36 (promotion.md §1.1)' },
  storage: { hasDefaultClass: false, mapping: { action: 'none', reason: 'kubeadm installs no StorageClass' } },
  ingress: { action: 'none', reason: 'kubeadm installs no ingress controller' },
  loadBalancer: { ...NO_LOAD_BALANCER, reason: 'kubeadm has no LoadBalancer implementation: the Service stays pending' },
} satisfies TargetProfile;
