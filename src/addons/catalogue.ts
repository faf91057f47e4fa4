// Add-ons kindling knows by name: upstream manifests pinned by URL and sha256, and the Deployments that say
// an add-on is ready. A preset names them, or defines its own the same way.

/** One manifest file: where upstream publishes it and the sha256 of its exact bytes. */
export interface PinnedManifest {
  url: string;
  sha256: string;
}

/** Changes made to upstream objects before they are applied, as a kustomize overlay would make them. */
export interface AddonTransforms {
  /** Labels added to every object, and to Deployment/Service selectors and pod templates (kustomize commonLabels). */
  commonLabels?: Record<string, string>;
  /** Image name (without tag) -> full replacement reference. */
  images?: Record<string, string>;
  /** Extra container arguments: `deployment/container` -> args appended. */
  args?: Record<string, string[]>;
}

/** An add-on: its manifests, applied in order with server-side apply, and what must become Available. */
export interface AddonDefinition {
  name: string;
  description: string;
  manifests: PinnedManifest[];
  /** Names of manifests kindling ships itself (src/addons/builtin), applied after `manifests`. */
  builtin?: string[];
  transforms?: AddonTransforms;
  ready: { namespace: string; deployment: string }[];
}

const metricsServerBase = (file: string, sha256: string): PinnedManifest => ({
  url: `https://raw.githubusercontent.com/kubernetes-sigs/metrics-server/v0.9.0/manifests/base/${file}`,
  sha256,
});

/** The catalogue, by name. */
export const ADDON_CATALOGUE: Record<string, AddonDefinition> = {
  'local-path-provisioner': {
    name: 'local-path-provisioner',
    description: "rancher/local-path-provisioner v0.0.37: StorageClass local-path (WaitForFirstConsumer), kind's and k3s's provisioner",
    manifests: [
      {
        url: 'https://raw.githubusercontent.com/rancher/local-path-provisioner/v0.0.37/deploy/local-path-storage.yaml',
        sha256: '9781b39c24f3f651bd6d6e41b561e04e4904bbdb6d4f8c7a6009df3a702dcd65',
      },
    ],
    ready: [{ namespace: 'local-path-storage', deployment: 'local-path-provisioner' }],
  },
  'ingress-nginx': {
    name: 'ingress-nginx',
    description: 'ingress-nginx controller v1.15.1, kind provider (host ports 80/443 on the node), IngressClass nginx',
    manifests: [
      {
        url: 'https://raw.githubusercontent.com/kubernetes/ingress-nginx/controller-v1.15.1/deploy/static/provider/kind/deploy.yaml',
        sha256: '2a3ae008c8786431115502644e77ab398fdebfb721a5d1195ed3089cde3299df',
      },
    ],
    ready: [{ namespace: 'ingress-nginx', deployment: 'ingress-nginx-controller' }],
  },
  'metrics-server': {
    name: 'metrics-server',
    description:
      'metrics-server v0.9.0 (the tagged kustomize base with the release image) with --kubelet-insecure-tls, as minikube and MicroK8s run it',
    // The release's components.yaml is built by `kubectl kustomize manifests/overlays/release`; these are its
    // inputs, and the transforms are what that overlay and its release Component do.
    manifests: [
      metricsServerBase('rbac.yaml', '510be174d47ae7d05ae6908ccb7ca7111008f18b5d1a920ebc6de6582c23b854'),
      metricsServerBase('service.yaml', '1ce19a57f4769906255c3410a38a01fb0f803e21976ce160f506a90638cbb5c7'),
      metricsServerBase('deployment.yaml', '18970227f17d0c6cb8e7a4a1cdde847117703afd3b0777badf8a006cfea252c2'),
      metricsServerBase('apiservice.yaml', '03266df7891b56dfffebb855a031b524ed20c6736846417ccd491dd91c6c0ec3'),
    ],
    transforms: {
      commonLabels: { 'k8s-app': 'metrics-server' },
      images: { 'gcr.io/k8s-staging-metrics-server/metrics-server': 'registry.k8s.io/metrics-server/metrics-server:v0.9.0' },
      args: { 'metrics-server/metrics-server': ['--kubelet-insecure-tls'] },
    },
    ready: [{ namespace: 'kube-system', deployment: 'metrics-server' }],
  },
  'minikube-storage-provisioner': {
    name: 'minikube-storage-provisioner',
    description:
      "minikube's storage-provisioner (gcr.io/k8s-minikube/storage-provisioner:v5): hostPath volumes under /tmp/hostpath-provisioner, provisioner k8s.io/minikube-hostpath",
    manifests: [],
    builtin: ['minikube-storage-provisioner'],
    ready: [],
  },
  'microk8s-hostpath-provisioner': {
    name: 'microk8s-hostpath-provisioner',
    description: "MicroK8s's hostpath-storage provisioner (cdkbot/hostpath-provisioner:1.6.0), provisioner microk8s.io/hostpath",
    manifests: [],
    builtin: ['microk8s-hostpath-provisioner'],
    ready: [{ namespace: 'kube-system', deployment: 'hostpath-provisioner' }],
  },
};
