// What an EKS cluster provides out of the box (promotion.md §1.3, 2.1-2.3; EKS user guide,
// aws-load-balancer-controller nlb.md).
import { AWS_ALB_INGRESS, type TargetProfile } from '../profile.js';

/** EKS's versions, storage, ingress and load balancers. */
export const eksProfile = {
  title: 'EKS',
  versions: {
    oldest: 31,
    newest: 35,
    source: '1.33-1.35 in standard support, 1.31-1.32 in extended support (promotion.md §1.3, EKS kubernetes-versions, endoflife.date)',
    unverified: 'whether EKS already offers 1.36 was not verified; eksctl reads the supported list from the EKS API',
  },
  storage: {
    hasDefaultClass: false,
    mapping: {
      action: 'rename',
      className: 'gp2',
      caveat: 'gp2 is the in-tree class EKS creates (not default from 1.30); it provisions only with the EBS CSI add-on installed',
    },
  },
  ingress: AWS_ALB_INGRESS,
  loadBalancer: {
    action: 'annotate',
    loadBalancerClass: 'service.k8s.aws/nlb',
    annotations: {
      public: {
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      },
      internal: {
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
      },
    },
    note: 'needs the AWS Load Balancer Controller; EKS Auto Mode uses loadBalancerClass eks.amazonaws.com/nlb instead',
  },
} satisfies TargetProfile;
