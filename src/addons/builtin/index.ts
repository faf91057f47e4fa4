// The manifests kindling ships itself, by the name an add-on's `builtin` list uses.
import { microk8sHostpathProvisioner } from './microk8s-hostpath-provisioner.js';
import { minikubeStorageProvisioner } from './minikube-storage-provisioner.js';

/** Built-in manifest name -> YAML text. */
export const BUILTIN_MANIFESTS: Record<string, string> = {
  'minikube-storage-provisioner': minikubeStorageProvisioner,
  'microk8s-hostpath-provisioner': microk8sHostpathProvisioner,
};
