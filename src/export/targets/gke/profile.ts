// What a GKE cluster provides out of the box (promotion.md §1.4, 2.1-2.3; GKE docs, troubleshooting/ingress,
// service-load-balancer-parameters). Its built-in Ingress controller is selected by annotation, not by class.
import { INGRESS_CLASS_ANNOTATION, type TargetProfile } from '../profile.js';

/** GKE's versions, storage, ingress and load balancers. */
export const gkeProfile = {
  title: 'GKE',
  versions: { oldest: 33, newest: 36, source: 'the Rapid and Regular channels offer 1.33-1.36 (promotion.md §1.4, GKE release notes)' },
  storage: { hasDefaultClass: true, mapping: { action: 'rename', className: 'standard-rwo' } },
  ingress: {
    action: 'set',
    annotations: { public: { [INGRESS_CLASS_ANNOTATION]: 'gce' }, internal: { [INGRESS_CLASS_ANNOTATION]: 'gce-internal' } },
    honouredPrefixes: [],
  },
  loadBalancer: { action: 'annotate', annotations: { public: {}, internal: { 'networking.gke.io/load-balancer-type': 'Internal' } } },
} satisfies TargetProfile;
