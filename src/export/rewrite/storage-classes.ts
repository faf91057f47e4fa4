// What a dev StorageClass name becomes on each target, encoded once from promotion.md section 2.1
// ("Default StorageClass and provisioner") and its implications (a)-(b).
import type { PromotionTarget } from './targets.js';

/** What a claim naming a dev class gets on a target. */
export type StorageMapping =
  /** Set storageClassName to `className`; `caveat` is what the user should still check. */
  | { action: 'rename'; className: string; caveat?: string }
  /** Drop storageClassName: the target always marks a default class, but its name depends on the platform. */
  | { action: 'use-default'; caveat: string }
  /** Nothing safe to pick: the claim keeps its dev class and stays Pending until the user names one. */
  | { action: 'none'; reason: string };

/** How a target provides storage. */
export interface TargetStorage {
  mapping: StorageMapping;
  /** Whether a claim without storageClassName gets a volume on a fresh cluster. */
  hasDefaultClass: boolean;
}

/** Class names dev clusters fill in: kind `standard`, k3d `local-path` (2.1); MicroK8s and Docker Desktop (not in promotion.md). */
export const DEV_STORAGE_CLASSES: readonly string[] = ['standard', 'local-path', 'microk8s-hostpath', 'hostpath'];

/** Provisioners of node-local hostPath volumes: a StorageClass using one exists only for the dev cluster. */
export const DEV_PROVISIONERS: readonly string[] = ['rancher.io/local-path', 'microk8s.io/hostpath', 'docker.io/hostpath'];

/** promotion.md 2.1, one row per target (sources: kops storage-aws template, EKS user guide, GKE docs, AKS concepts-storage.md, csi-operator assets, rke2 chart list, TKC CRD, CAPV templates). */
export const TARGET_STORAGE: Record<PromotionTarget, TargetStorage> = {
  kubeadm: { hasDefaultClass: false, mapping: { action: 'none', reason: 'kubeadm installs no StorageClass' } },
  kops: {
    hasDefaultClass: true,
    mapping: {
      action: 'rename',
      className: 'kops-csi-1-21',
      caveat: 'kops-csi-1-21 (gp3, ebs.csi.aws.com) is the default kops creates on AWS; on GCE or Azure kops names other classes',
    },
  },
  eks: {
    hasDefaultClass: false,
    mapping: {
      action: 'rename',
      className: 'gp2',
      caveat: 'gp2 is the in-tree class EKS creates (not default from 1.30); it provisions only with the EBS CSI add-on installed',
    },
  },
  gke: { hasDefaultClass: true, mapping: { action: 'rename', className: 'standard-rwo' } },
  aks: { hasDefaultClass: true, mapping: { action: 'rename', className: 'managed-csi' } },
  openshift: {
    hasDefaultClass: true,
    mapping: {
      action: 'use-default',
      caveat: "the claim gets the platform's default class (AWS gp3-csi, Azure managed-csi, GCP standard-csi, vSphere thin-csi)",
    },
  },
  rke2: {
    hasDefaultClass: false,
    mapping: { action: 'none', reason: 'RKE2 bundles no general-purpose provisioner and no default StorageClass' },
  },
  rancher: {
    hasDefaultClass: false,
    mapping: { action: 'none', reason: 'a Rancher-provisioned cluster has the classes of its distribution and node driver' },
  },
  tanzu: {
    hasDefaultClass: false,
    mapping: { action: 'none', reason: 'Tanzu classes are the vSphere storage policies bound to the namespace; their names are site-specific' },
  },
  capi: { hasDefaultClass: false, mapping: { action: 'none', reason: 'a Cluster API cluster gets its classes from provider add-ons' } },
};

/** The mapping for a target; a user-chosen class (the `storageClass` option) wins over the table. */
export function storageMappingFor(target: PromotionTarget, storageClass: string | undefined): StorageMapping {
  return storageClass === undefined ? TARGET_STORAGE[target].mapping : { action: 'rename', className: storageClass };
}
