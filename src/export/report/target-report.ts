// Runs every report rule over each target's final objects (the base with that target's overlay applied), so
// the report lists what is still wrong after the rewrite, not what the rewrite already fixed.
import { describeOrigin, objectKey, type SourcedObject } from '../kube-object.js';
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
  const perTarget = overlays.map((overlay) => ({ overlay, final: applyOverlay(base, overlay) }));
  const findings = perTarget.flatMap(({ overlay, final }) => targetFindings(base, overlay, final));
  const order = overlays.map((o) => o.target);
  return {
    targets: perTarget.map(({ overlay, final }) => summarise(overlay.target, final.length, findings)),
    findings: findings.sort((a, b) => compareFindings(a, b, order)),
  };
}

function targetFindings(base: readonly SourcedObject[], overlay: TargetOverlay, final: SourcedObject[]): Finding[] {
  const originals = new Map(base.map((s) => [objectKey(s.object), s.object]));
  const objects = final.map((s) => s.object);
  const { target, options } = overlay;
  return final.flatMap(({ object, origin }) => {
    const key = objectKey(object);
    const ctx = { target, options, object, original: originals.get(key), objects };
    return RULES.flatMap((rule) => rule(ctx)).map(
      (d): Finding => ({
        target,
        severity: d.severity,
        rule: d.rule,
        object: key,
        origin: describeOrigin(origin),
        ...(d.container === undefined ? {} : { container: d.container }),
        message: d.message,
        fix: d.fix,
      }),
    );
  });
}

function summarise(target: TargetName, objects: number, findings: readonly Finding[]): TargetSummary {
  const count = (severity: Severity) => findings.filter((f) => f.target === target && f.severity === severity).length;
  return { target, objects, error: count('error'), warning: count('warning'), info: count('info') };
}

function compareFindings(a: Finding, b: Finding, targets: readonly TargetName[]): number {
  return (
    compareText(a.object, b.object) ||
    targets.indexOf(a.target) - targets.indexOf(b.target) ||
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
