// Runs every report rule over each target's final objects (the base with that target's overlay applied), so
// the report lists what is still wrong after the rewrite, not what the rewrite already fixed.
import { describeOrigin, type KubeObject, objectKey, type SourcedObject } from '../kube-object.js';
import { applyOverlay } from '../rewrite/apply-overlay.js';
import type { TargetOverlay } from '../rewrite/overlay.js';
import type { TargetName } from '../targets/index.js';
import { singleReplica } from './availability-rules.js';
import { containerProbes, containerResources } from './container-rules.js';
import { SEVERITIES, type Finding, type Rule, type Severity } from './finding.js';
import { imageDevRegistry, imageFloatingTag, imagePushNeeded, imageSideLoaded } from './image-rules.js';
import { gkeIngressClassName, ingressControllerOff, ingressDevAnnotations, ingressUnsupported, publicIngress } from './ingress-rules.js';
import { secretIncluded } from './secret-rules.js';
import { fixedUid, hostAccessAdminOnly, podSecurityRestricted, privileged, runAsRoot } from './security-rules.js';
import { loadBalancerUnsupported, nodePort, publicLoadBalancer } from './service-rules.js';
import { storageClassCheck, storageClassNoDefault, storageClassUnmapped } from './storage-rules.js';
import { hostPathVolume } from './volume-rules.js';

/** Counts for one target: its objects after the overlay, and findings by severity. */
export type TargetSummary = { target: TargetName; objects: number } & Record<Severity, number>;

/** The whole report: one summary per target (in the overlays' order) and every finding, sorted. */
export interface TargetReport {
  targets: TargetSummary[];
  findings: Finding[];
}

const RULES: readonly Rule[] = [
  imageDevRegistry,
  imagePushNeeded,
  imageSideLoaded,
  imageFloatingTag,
  containerResources,
  containerProbes,
  singleReplica,
  hostPathVolume,
  runAsRoot,
  fixedUid,
  privileged,
  podSecurityRestricted,
  hostAccessAdminOnly,
  nodePort,
  loadBalancerUnsupported,
  publicLoadBalancer,
  ingressUnsupported,
  ingressDevAnnotations,
  gkeIngressClassName,
  ingressControllerOff,
  publicIngress,
  storageClassUnmapped,
  storageClassNoDefault,
  storageClassCheck,
  secretIncluded,
];

/** The target report for every overlay; deterministic: findings sort by object, target, severity, rule, container, message. */
export function targetReport(base: readonly SourcedObject[], overlays: readonly TargetOverlay[]): TargetReport {
  const baseKeys = new Map(base.map((s) => [s.object, objectKey(s.object)]));
  const originals = new Map(base.map((s) => [baseKeys.get(s.object) as string, s.object]));
  const perTarget = overlays.map((overlay) => ({ overlay, final: applyOverlay(base, overlay) }));
  const findings: Finding[] = [];
  for (const { overlay, final } of perTarget) targetFindings(overlay, final, { baseKeys, originals }, findings);
  const rank = new Map(overlays.map((o, i) => [o.target, i]));
  return {
    targets: perTarget.map(({ overlay, final }) => summarise(overlay.target, final.length, findings)),
    findings: findings.sort((a, b) => compareFindings(a, b, rank)),
  };
}

interface BaseIndex {
  /** Each base object's key: objects the overlay left alone are the base's own, so their key is known. */
  baseKeys: Map<KubeObject, string>;
  originals: Map<string, KubeObject>;
}

function targetFindings(overlay: TargetOverlay, final: SourcedObject[], index: BaseIndex, findings: Finding[]): void {
  const objects = final.map((s) => s.object);
  const { target, options } = overlay;
  for (const { object, origin } of final) {
    const key = index.baseKeys.get(object) ?? objectKey(object);
    const ctx = { target, options, object, original: index.originals.get(key), objects };
    for (const rule of RULES) {
      for (const d of rule(ctx)) {
        findings.push({
          target,
          severity: d.severity,
          rule: d.rule,
          object: key,
          origin: describeOrigin(origin),
          ...(d.container === undefined ? {} : { container: d.container }),
          message: d.message,
          fix: d.fix,
        });
      }
    }
  }
}

function summarise(target: TargetName, objects: number, findings: readonly Finding[]): TargetSummary {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.target === target) counts[f.severity]++;
  return { target, objects, ...counts };
}

function compareFindings(a: Finding, b: Finding, rank: ReadonlyMap<TargetName, number>): number {
  return (
    compareText(a.object, b.object) ||
    (rank.get(a.target) ?? 0) - (rank.get(b.target) ?? 0) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.rule, b.rule) ||
    compareText(a.container ?? '', b.container ?? '') ||
    compareText(a.message, b.message)
  );
}

/** Code-unit order, independent of the locale (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
