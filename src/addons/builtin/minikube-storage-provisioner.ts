// minikube's storage-provisioner, written for kindling after minikube v1.38.1's
// deploy/addons/storage-provisioner/storage-provisioner.yaml.tmpl: a host-network pod in kube-system that
// provisions hostPath volumes under the node's /tmp as `k8s.io/minikube-hostpath`.

/** The manifest (YAML). */
export const minikubeStorageProvisioner = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: storage-provisioner
  namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: storage-provisioner
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: system:persistent-volume-provisioner
subjects:
  - kind: ServiceAccount
    name: storage-provisioner
    namespace: kube-system
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: system:persistent-volume-provisioner
  namespace: kube-system
rules:
  - apiGroups: [""]
    resources: [endpoints]
    verbs: [watch, create]
  - apiGroups: [""]
    resources: [endpoints]
    resourceNames: [k8s.io-minikube-hostpath]
    verbs: [get, update, patch, delete]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: system:persistent-volume-provisioner
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: system:persistent-volume-provisioner
subjects:
  - kind: ServiceAccount
    name: storage-provisioner
    namespace: kube-system
---
apiVersion: v1
kind: Pod
metadata:
  name: storage-provisioner
  namespace: kube-system
  labels:
    integration-test: storage-provisioner
spec:
  serviceAccountName: storage-provisioner
  hostNetwork: true
  containers:
    - name: storage-provisioner
      image: gcr.io/k8s-minikube/storage-provisioner:v5
      command: [/storage-provisioner]
      volumeMounts:
        - name: tmp
          mountPath: /tmp
  volumes:
    - name: tmp
      hostPath:
        path: /tmp
        type: Directory
`;
