// What a Rancher-provisioned (RKE2) cluster provides out of the box (promotion.md §1.7, 2.1-2.3): RKE2's Traefik;
// storage and load balancers come from its node driver and cloud provider.
import { NO_LOAD_BALANCER, type TargetProfile } from '../profile.js';
import { rke2Profile } from '../rke2/profile.js';

/** Rancher's versions, storage, ingress and load balancers. */
export const rancherProfile = {
  title: 'Rancher',
  versions: {
    oldest: 33,
    newest: 35,
    source: "Rancher v2.15.0's tests pin v1.35.x+rke2r1; RKE2 maintains v1.33 and later (promotion.md §1.7)",
    unverified: "Rancher v2.15's exact support matrix (its KDM channel) was not verified",
  },
  storage: {
    hasDefaultClass: false,
    mapping: { action: 'none', reason: 'a Rancher-provisioned cluster has the classes of its distribution and node driver' },
  },
  ingress: rke2Profile.ingress,
  loadBalancer: {
    ...NO_LOAD_BALANCER,
    reason: 'a Rancher-provisioned cluster leaves the Service pending unless its cloud provider or MetalLB serves it',
  },
} satisfies TargetProfile;
