// What an OpenShift cluster provides out of the box (promotion.md §1.6, 2.1-2.3; csi-operator assets,
// cluster-ingress-operator): Routes as native exposure, and the restricted-v2 SCC's namespace UID ranges.
import { NO_ANNOTATIONS, type TargetProfile } from '../profile.js';

/** OpenShift's versions, storage, ingress and load balancers. */
export const openshiftProfile = {
  title: 'OpenShift',
  versions: {
    oldest: 31,
    newest: 34,
    source: 'OpenShift 4.18-4.21 ship Kubernetes 1.31-1.34 (promotion.md §1.6, installer go.mod per release branch)',
    unverified: 'OpenShift 4.22 (likely Kubernetes 1.35) and 5.0 (1.36) were not verified',
  },
  storage: {
    hasDefaultClass: true,
    mapping: {
      action: 'use-default',
      caveat: "the claim gets the platform's default class (AWS gp3-csi, Azure managed-csi, GCP standard-csi, vSphere thin-csi)",
    },
  },
  ingress: { action: 'set', className: 'openshift-default', annotations: NO_ANNOTATIONS, honouredPrefixes: [] },
  ingressRoutes: true,
  loadBalancer: {
    action: 'none',
    severity: 'info',
    reason: "OpenShift uses the underlying cloud's LoadBalancer annotations, and bare-metal/vSphere has none without MetalLB",
    fix: "add the platform's annotations (for example the AWS, Azure or GCP internal-LB annotation) if the default is not wanted",
  },
  namespaceUidRange: true,
} satisfies TargetProfile;

/** OpenShift release per Kubernetes minor, from the installer's go.mod k8s.io/api (promotion.md §1.6). */
export const OPENSHIFT_RELEASES: Readonly<Record<number, string>> = { 31: '4.18', 32: '4.19', 33: '4.20', 34: '4.21' };
