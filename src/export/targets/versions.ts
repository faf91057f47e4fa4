// The rule that maps the dev cluster's Kubernetes version onto a target's supported window (each target's
// profile.ts holds its window): the nearest supported minor not newer than the dev one, else the oldest supported.
import { InvalidInputError } from '../../errors.js';
import type { VersionWindow } from './profile.js';
import { info, type Finding } from './target.js';

/** The latest patch of each maintained minor on 2026-08-01: the RKE2 lines v1.33.13, v1.34.10, v1.35.7 and
 * v1.36.3 carry the upstream patch numbers (promotion.md §1.7; tags v1.3x.y+rke2r1). */
export const LATEST_PATCHES: Readonly<Record<number, number>> = { 33: 13, 34: 10, 35: 7, 36: 3 };

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

/** The minor a target gets for the dev version, and findings when it changed or the window is unverified. */
export function mapVersion(target: string, window: VersionWindow, devVersion: string): { minor: number; findings: Finding[] } {
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
