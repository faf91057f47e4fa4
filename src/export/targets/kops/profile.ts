// What a kops cluster on AWS provides out of the box (promotion.md §1.2, 2.1-2.3; kops storage-aws template).
import { AWS_ALB_INGRESS, type TargetProfile } from '../profile.js';

/** kops's versions, storage, ingress and load balancers. */
export const kopsProfile = {
  title: 'kops',
  versions: {
    oldest: 31,
    newest: 36,
    source: 'kops 1.36.x supports up to 1.36, oldest supported 1.31 (promotion.md §1.2, kops @ v1.36.2 apply_cluster.go)',
  },
  storage: {
    hasDefaultClass: true,
    mapping: {
      action: 'rename',
      className: 'kops-csi-1-21',
      caveat: 'kops-csi-1-21 (gp3, ebs.csi.aws.com) is the default kops creates on AWS; on GCE or Azure kops names other classes',
    },
  },
  ingress: AWS_ALB_INGRESS,
  loadBalancer: {
    action: 'annotate',
    annotations: { public: {}, internal: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' } },
    note: 'without the AWS Load Balancer Controller add-on kops makes a Classic ELB',
  },
} satisfies TargetProfile;
