// What Mirantis Kubernetes Engine (Docker Enterprise's successor, DKE) provides out of the box, as Mirantis' docs
// state it: MKE 3 ships the NGINX Ingress Controller with IngressClass nginx-default, which an admin enables
// (docs.mirantis.com/mke/3.8 .../nginx-ingress/create-kubernetes-ingress.html; MKE 4 fresh installs use Gateway
// API with Envoy instead); no default StorageClass (bring a CSI driver: mke/3.8 .../use-csi-drivers.html); no
// LoadBalancer implementation without a cloud provider; and an admission policy (MKE 3's RBAC attributes, MKE 4's
// mke4-ucpauthz) that refuses privileged pods, host namespaces and hostPath to users who are not admins
// (mke/3.8 .../admission-controllers-for-access.html). No version window: each MKE release pins its Kubernetes.
import { NO_LOAD_BALANCER, type TargetProfile } from '../profile.js';

/** MKE's storage, ingress, load balancers and admission. */
export const mkeProfile = {
  title: 'MKE',
  storage: {
    hasDefaultClass: false,
    mapping: { action: 'none', reason: 'MKE has no default StorageClass: install a CSI driver and name its class' },
  },
  ingress: {
    action: 'set',
    className: 'nginx-default',
    annotations: { public: {}, internal: {} },
    honouredPrefixes: ['nginx.ingress.kubernetes.io/'],
  },
  loadBalancer: {
    ...NO_LOAD_BALANCER,
    reason: 'MKE leaves a LoadBalancer Service pending unless a cloud provider (mke.cloud in launchpad.yaml) or MetalLB provides one',
  },
  hostAccessAdminOnly: true,
  ingressControllerOff: "an MKE admin enables the ingress controller (MKE 3: cluster_config.ingress_controller in MKE's configuration)",
} satisfies TargetProfile;
