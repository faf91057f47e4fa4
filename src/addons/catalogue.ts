// Add-ons kindling knows by name: upstream manifests pinned by URL and sha256, and the Deployments that say
// an add-on is ready. A preset names them, or defines its own the same way.

/** One manifest file: where upstream publishes it and the sha256 of its exact bytes. */
export interface PinnedManifest {
  url: string;
  sha256: string;
}

/** An add-on: its manifests, applied in order with server-side apply, and what must become Available. */
export interface AddonDefinition {
  name: string;
  description: string;
  manifests: PinnedManifest[];
  ready: { namespace: string; deployment: string }[];
}

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
};
