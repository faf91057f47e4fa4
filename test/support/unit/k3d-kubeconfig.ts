// A k3d kubeconfig fixture the kubeconfig rewriting tests share.

/** Its certificate-authority-data. */
export const K3D_CA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmhyTTNNdGMyVnkK';

/** A kubeconfig as k3d (client-go) writes it for cluster `dev`, with `server`: sequences not indented under their key. */
export const k3dKubeconfig = (server: string): string => `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${K3D_CA}
    server: ${server}
  name: k3d-dev
contexts:
- context:
    cluster: k3d-dev
    user: admin@k3d-dev
  name: k3d-dev
current-context: k3d-dev
kind: Config
preferences: {}
users:
- name: admin@k3d-dev
  user:
    client-certificate-data: LS0tLS1CRUdJTi
    client-key-data: LS0tLS1CRUdJTi
`;
