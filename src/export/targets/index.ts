// The promotion targets by name: each turns the dev cluster's facts and the user's --set values into a
// cluster definition for one production distribution.
import { aksTarget } from './aks/target.js';
import { capiTarget } from './capi/target.js';
import { eksTarget } from './eks/target.js';
import { gkeTarget } from './gke/target.js';
import { kopsTarget } from './kops/target.js';
import { kubeadmTarget } from './kubeadm/target.js';
import { openshiftTarget } from './openshift/target.js';
import { rancherTarget } from './rancher/target.js';
import { rke2Target } from './rke2/target.js';
import { tanzuTarget } from './tanzu/target.js';
import type { ClusterDefinition, Settings, Target, TargetName } from './target.js';
import type { DevClusterFacts } from './dev-cluster.js';

/** Every target's generator and settings, keyed by the name `--to` takes. */
export const TARGETS: Readonly<Record<TargetName, Target>> = {
  kubeadm: kubeadmTarget,
  kops: kopsTarget,
  eks: eksTarget,
  gke: gkeTarget,
  aks: aksTarget,
  openshift: openshiftTarget,
  rke2: rke2Target,
  rancher: rancherTarget,
  tanzu: tanzuTarget,
  capi: capiTarget,
};

/** The cluster definition for one target. Pure. */
export function clusterDefinition(target: TargetName, facts: DevClusterFacts, settings: Settings = {}): ClusterDefinition {
  return TARGETS[target].generate(facts, settings);
}

// What callers of the targets need, from one module.
export { TARGET_NAMES } from './target.js';
export type { ClusterDefinition, Finding, FindingCode, GeneratedFile, Placeholder, Settings, Target, TargetName } from './target.js';
export { devClusterFacts, type DevClusterFacts } from './dev-cluster.js';
export { checkSettings } from './settings.js';
export { VERSION_WINDOWS } from './versions.js';
