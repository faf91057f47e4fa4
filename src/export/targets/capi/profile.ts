// What a Cluster API workload cluster provides out of the box (promotion.md §1.9, 2.1-2.3; CAPV templates):
// whatever its provider and ClusterClass add, which kindling cannot see.
import { NO_LOAD_BALANCER, type TargetProfile } from '../profile.js';

/** Cluster API's versions, storage, ingress and load balancers. */
export const capiProfile = {
  title: 'Cluster API',
  versions: {
    oldest: 31,
    newest: 36,
    source: 'Cluster API v1.14 supports workload clusters 1.31-1.36 (promotion.md §1.9, docs/book/src/reference/versions.md)',
  },
  storage: { hasDefaultClass: false, mapping: { action: 'none', reason: 'a Cluster API cluster gets its classes from provider add-ons' } },
  ingress: { action: 'none', reason: 'a Cluster API cluster has no ingress controller unless its ClusterClass adds one' },
  loadBalancer: {
    ...NO_LOAD_BALANCER,
    reason: 'a Cluster API cluster has a LoadBalancer implementation only if its provider or ClusterClass adds one',
  },
} satisfies TargetProfile;
