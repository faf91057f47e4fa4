// The Kubernetes versions each target supports, as data, and the rule that maps the dev cluster's version
// onto them: the nearest supported minor not newer than the dev one, else the oldest supported.
import { InvalidInputError } from '../../errors.js';
import { info, type Finding, type TargetName } from './target.js';

/** Supported Kubernetes minors 1.oldest–1.newest, where the numbers come from, and what was not verified. */
export interface VersionWindow {
  oldest: number;
  newest: number;
  source: string;
  unverified?: string;
}

/** Targets with a version window; Tanzu's versions are the TKr/VKr releases installed on each Supervisor. */
export type VersionedTarget = Exclude<TargetName, 'tanzu'>;

/** Supported minors per target as /work/shared/reference/promotion.md §1 recorded them (sources read about
 * August 2026; the section named in each `source`). */
export const VERSION_WINDOWS: Readonly<Record<VersionedTarget, VersionWindow>> = {
  kubeadm: { oldest: 34, newest: 36, source: 'upstream maintains 1.34, 1.35 and 1.36 (promotion.md §1.1)' },
  kops: {
    oldest: 31,
    newest: 36,
    source: 'kops 1.36.x supports up to 1.36, oldest supported 1.31 (promotion.md §1.2, kops @ v1.36.2 apply_cluster.go)',
  },
  eks: {
    oldest: 31,
    newest: 35,
    source: '1.33-1.35 in standard support, 1.31-1.32 in extended support (promotion.md §1.3, EKS kubernetes-versions, endoflife.date)',
    unverified: 'whether EKS already offers 1.36 was not verified; eksctl reads the supported list from the EKS API',
  },
  gke: { oldest: 33, newest: 36, source: 'the Rapid and Regular channels offer 1.33-1.36 (promotion.md §1.4, GKE release notes)' },
  aks: { oldest: 33, newest: 36, source: 'AKS GA versions 1.33-1.36 (promotion.md §1.5, azure-aks-docs supported-kubernetes-versions.md)' },
  openshift: {
    oldest: 31,
    newest: 34,
    source: 'OpenShift 4.18-4.21 ship Kubernetes 1.31-1.34 (promotion.md §1.6, installer go.mod per release branch)',
    unverified: 'OpenShift 4.22 (likely Kubernetes 1.35) and 5.0 (1.36) were not verified',
  },
  rke2: { oldest: 33, newest: 36, source: 'maintained RKE2 lines v1.33-v1.36 (promotion.md §1.7, rke2 tags)' },
  rancher: {
    oldest: 33,
    newest: 35,
    source: "Rancher v2.15.0's tests pin v1.35.x+rke2r1; RKE2 maintains v1.33 and later (promotion.md §1.7)",
    unverified: "Rancher v2.15's exact support matrix (its KDM channel) was not verified",
  },
  capi: {
    oldest: 31,
    newest: 36,
    source: 'Cluster API v1.14 supports workload clusters 1.31-1.36 (promotion.md §1.9, docs/book/src/reference/versions.md)',
  },
};

/** The latest patch of each maintained minor on 2026-08-01: the RKE2 lines v1.33.13, v1.34.10, v1.35.7 and
 * v1.36.3 carry the upstream patch numbers (promotion.md §1.7; tags v1.3x.y+rke2r1). */
export const LATEST_PATCHES: Readonly<Record<number, number>> = { 33: 13, 34: 10, 35: 7, 36: 3 };

/** OpenShift release per Kubernetes minor, from the installer's go.mod k8s.io/api (promotion.md §1.6). */
export const OPENSHIFT_RELEASES: Readonly<Record<number, string>> = { 31: '4.18', 32: '4.19', 33: '4.20', 34: '4.21' };

/** The minor of a `v1.36.1` version; InvalidInputError for anything else. */
export function kubernetesMinor(version: string): number {
  const match = /^v1\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new InvalidInputError(`"${version}" is not a Kubernetes version like v1.36.1`);
  return Number(match[1]);
}

/** The nearest supported minor not newer than `devMinor`, or the oldest supported when all are newer. */
export function nearestSupportedMinor(devMinor: number, window: VersionWindow): number {
  return Math.min(Math.max(devMinor, window.oldest), window.newest);
}

/** The latest known patch release of `minor` (`.0` when none is known). */
export function latestPatchVersion(minor: number): string {
  return `v1.${minor}.${LATEST_PATCHES[minor] ?? 0}`;
}

/** A full version for `minor`: the dev version itself when the minor is kept, else the latest known patch. */
export function fullVersion(devVersion: string, minor: number): string {
  return kubernetesMinor(devVersion) === minor ? devVersion : latestPatchVersion(minor);
}

/** The RKE2 release of `minor`: its latest known patch, first RKE2 build (tags v1.3x.y+rke2r1). */
export function rke2Release(minor: number): string {
  return `${latestPatchVersion(minor)}+rke2r1`;
}

/** The minor a target gets for the dev version, and findings when it changed or the window is unverified. */
export function mapVersion(target: VersionedTarget, devVersion: string): { minor: number; findings: Finding[] } {
  const window = VERSION_WINDOWS[target];
  const devMinor = kubernetesMinor(devVersion);
  const minor = nearestSupportedMinor(devMinor, window);
  const findings: Finding[] = [];
  if (minor !== devMinor) {
    const supported = `1.${window.oldest}-1.${window.newest}: ${window.source}`;
    const message = `Kubernetes ${devVersion} is not supported by ${target}; using 1.${minor} (supported: ${supported})`;
    findings.push({ severity: 'warning', code: 'version-changed', message });
  }
  if (window.unverified) findings.push(info('version-unverified', `${target}: ${window.unverified}`));
  return { minor, findings };
}
