// What an RKE2 cluster provides out of the box (promotion.md §1.7, 2.1-2.3; rke2 chart list, rke2 v1.36 release
// notes, rke2-docs): Traefik, no storage provisioner, ServiceLB only when enabled. Rancher provisions RKE2 too.
import { NO_ANNOTATIONS, NO_LOAD_BALANCER, type TargetProfile } from '../profile.js';
import { latestPatchVersion } from '../versions.js';

/** RKE2's versions, storage, ingress and load balancers. */
export const rke2Profile = {
  title: 'RKE2',
  versions: { oldest: 33, newest: 36, source: 'maintained RKE2 lines v1.33-v1.36 (promotion.md §1.7, rke2 tags)' },
  storage: {
    hasDefaultClass: false,
    mapping: { action: 'none', reason: 'RKE2 bundles no general-purpose provisioner and no default StorageClass' },
  },
  ingress: { action: 'set', className: 'traefik', annotations: NO_ANNOTATIONS, honouredPrefixes: ['traefik.ingress.kubernetes.io/'] },
  loadBalancer: {
    ...NO_LOAD_BALANCER,
    reason: 'RKE2 leaves the Service pending unless ServiceLB (enable-servicelb), MetalLB or a cloud controller runs',
  },
} satisfies TargetProfile;

/** The RKE2 release of `minor`: its latest known patch, first RKE2 build (tags v1.3x.y+rke2r1). */
export function rke2Release(minor: number): string {
  return `${latestPatchVersion(minor)}+rke2r1`;
}
