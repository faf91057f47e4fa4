// The stand-in node images scripts/test-env/build-images.sh makes. The plain names run a real control plane
// (API server, controller manager, scheduler, etcd, kwok); -noapi ones only what kind and k3d need (faster,
// lighter: for tests that never talk to Kubernetes); -broken ones fail at init.
export const IMAGES = {
  api: { kind: 'kindest/node:v1.36.1', k3d: 'rancher/k3s:v1.35.5-k3s1' },
  noApi: { kind: 'kindest/node:v1.36.1-noapi', k3d: 'rancher/k3s:v1.35.5-k3s1-noapi' },
  broken: { kind: 'kindest/node:v1.36.1-broken', k3d: 'rancher/k3s:v1.35.5-k3s1-broken' },
} as const;
