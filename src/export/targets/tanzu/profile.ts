// What a Tanzu (vSphere Kubernetes Service) guest cluster provides out of the box (promotion.md 2.1-2.3;
// TKC CRD). No version window: its versions are the TKr/VKr releases installed on each Supervisor.
import type { TargetProfile } from '../profile.js';

/** Tanzu's storage, ingress and load balancers. */
export const tanzuProfile = {
  title: 'Tanzu',
  storage: {
    hasDefaultClass: false,
    mapping: {
      action: 'none',
      reason: 'Tanzu classes are the vSphere storage policies bound to the namespace; their names are site-specific',
    },
  },
  ingress: { action: 'none', reason: 'a Tanzu cluster has no ingress controller until one (typically Contour) is installed' },
  loadBalancer: {
    action: 'none',
    severity: 'info',
    reason: 'a Tanzu guest cluster gets LoadBalancers from the Supervisor network (NSX or Avi); annotations are site-specific',
    fix: "check the Supervisor's load balancer and add its annotations if needed",
  },
} satisfies TargetProfile;
