// The promotion targets by name: the one table of them. Each folder holds everything about one production
// distribution: its generator (dev cluster facts and --set values in, a cluster definition out) and its profile
// (versions, storage, ingress, load balancers) that the rewrite and the report read. A new target is one folder
// and one line here (plus its import).
import { aksTarget } from './aks/target.js';
import { capiTarget } from './capi/target.js';
import { eksTarget } from './eks/target.js';
import { gkeTarget } from './gke/target.js';
import { kopsTarget } from './kops/target.js';
import { kubeadmTarget } from './kubeadm/target.js';
import { mkeTarget } from './mke/target.js';
import { openshiftTarget } from './openshift/target.js';
import { rancherTarget } from './rancher/target.js';
import { rke2Target } from './rke2/target.js';
import { tanzuTarget } from './tanzu/target.js';
import type { DevClusterFacts } from './dev-cluster.js';
import type { TargetProfile } from './profile.js';
import type { ClusterDefinition, Settings, Target } from './target.js';
import type { VersionWindow } from './profile.js';

// In the order the CLI and the reports list them.
const TABLE = {
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
  mke: mkeTarget,
} satisfies Record<string, Target>;

/** One promotion target: a name `kindling promote --to` accepts. */
export type TargetName = keyof typeof TABLE;

/** Every target's generator, settings and profile, keyed by the name `--to` takes. */
export const TARGETS: Readonly<Record<TargetName, Target>> = TABLE;

/** Every target `kindling promote --to` accepts, in the order the CLI lists them. */
export const TARGET_NAMES: readonly TargetName[] = Object.keys(TABLE) as TargetName[];

/** What a target's distribution provides out of the box: what the rewrite and report rules read. */
export function profileOf(target: TargetName): TargetProfile {
  return TARGETS[target].profile;
}

/** The cluster definition for one target. Pure. */
export function clusterDefinition(target: TargetName, facts: DevClusterFacts, settings: Settings = {}): ClusterDefinition {
  return TARGETS[target].generate(facts, settings);
}

/** Each target's supported Kubernetes minors, read from the profiles (targets without a window are left out). */
export const VERSION_WINDOWS: Readonly<Partial<Record<TargetName, VersionWindow>>> = Object.fromEntries(
  TARGET_NAMES.flatMap((name) => (TARGETS[name].profile.versions === undefined ? [] : [[name, TARGETS[name].profile.versions]])),
);

// What callers of the targets need, from one module.
export type { ClusterDefinition, Finding, FindingCode, GeneratedFile, Placeholder, Settings, Target } from './target.js';
export type { ExposureAnnotations, IngressMapping, LoadBalancerMapping, StorageMapping, TargetProfile, TargetStorage } from './profile.js';
export { devClusterFacts, type DevClusterFacts } from './dev-cluster.js';
export { checkSettings } from './settings.js';
