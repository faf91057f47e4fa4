// The stand-in node images scripts/test-env/build-images.sh makes. The plain names run a real control plane
// (API server, controller manager, scheduler, etcd, kwok); -noapi ones only what kind and k3d need (faster,
// lighter: for tests that never talk to Kubernetes); -broken ones fail at init.
export const IMAGES = {
  api: { kind: 'kindest/node:v1.36.1', k3d: 'rancher/k3s:v1.35.5-k3s1' },
  noApi: { kind: 'kindest/node:v1.36.1-noapi', k3d: 'rancher/k3s:v1.35.5-k3s1-noapi' },
  broken: { kind: 'kindest/node:v1.36.1-broken', k3d: 'rancher/k3s:v1.35.5-k3s1-broken' },
  // The next Kubernetes minor, for upgrades: like `api` (a real control plane), but its API server is
  // Kubernetes v1.37.0 (`api` runs v1.36.1 in both engines), so /version changes across an upgrade.
  next: { kind: 'kindest/node:v1.37.0', k3d: 'rancher/k3s:v1.37.0-k3s1' },
  // Like `broken` (fail at init), under the next minor's names: an upgrade to them must fail.
  nextBroken: { kind: 'kindest/node:v1.37.0-broken', k3d: 'rancher/k3s:v1.37.0-k3s1-broken' },
} as const;
