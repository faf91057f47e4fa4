// The StorageClasses only dev clusters have (promotion.md section 2.1, "Default StorageClass and provisioner"),
// and what a claim naming one gets on a target: each target's profile holds its row of 2.1.
import { profileOf, type StorageMapping, type TargetName } from '../targets/index.js';

/** Class names dev clusters fill in: kind `standard`, k3d `local-path` (2.1); MicroK8s and Docker Desktop (not in promotion.md). */
export const DEV_STORAGE_CLASSES: readonly string[] = ['standard', 'local-path', 'microk8s-hostpath', 'hostpath'];

/** Provisioners of node-local hostPath volumes: a StorageClass using one exists only for the dev cluster. */
export const DEV_PROVISIONERS: readonly string[] = ['rancher.io/local-path', 'microk8s.io/hostpath', 'docker.io/hostpath'];

/** The mapping for a target; a user-chosen class (the `storageClass` option) wins over the table. */
export function storageMappingFor(target: TargetName, storageClass: string | undefined): StorageMapping {
  return storageClass === undefined ? profileOf(target).storage.mapping : { action: 'rename', className: storageClass };
}
