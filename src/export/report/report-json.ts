// report.json: the target report for machines, with a documented shape and a fixed key order so that
// bundles diff cleanly.
import type { TargetName } from '../targets/index.js';
import type { RuleId, Severity } from './finding.js';
import type { TargetReport } from './target-report.js';

/** The shape of report.json (a public interface: add fields, never rename or remove them). */
export interface ReportJson {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'PromotionReport';
  /** One entry per target, in the order the targets were given. */
  targets: Array<{ target: TargetName; objects: number; error: number; warning: number; info: number }>;
  /** Sorted by object, target (given order), severity (error first), rule, container, message. */
  findings: Array<{
    target: TargetName;
    severity: Severity;
    rule: RuleId;
    /** group/kind/namespace/name, the core group and cluster scope as empty segments: `/Service/shop/web`. */
    object: string;
    /** `file.yaml#3` (0-based document index) or `cluster NAME`. */
    origin: string;
    container: string | null;
    message: string;
    fix: string;
  }>;
}

/** report.json's text: two-space indented, keys in ReportJson's order, newline-terminated. */
export function reportJson(report: TargetReport): string {
  return `${JSON.stringify(reportJsonValue(report), null, 2)}\n`;
}

/** report.json's value, keys in ReportJson's order. */
export function reportJsonValue(report: TargetReport): ReportJson {
  return {
    apiVersion: 'kindling.dev/v1alpha1',
    kind: 'PromotionReport',
    targets: report.targets.map((t) => ({ target: t.target, objects: t.objects, error: t.error, warning: t.warning, info: t.info })),
    findings: report.findings.map((f) => ({
      target: f.target,
      severity: f.severity,
      rule: f.rule,
      object: f.object,
      origin: f.origin,
      container: f.container ?? null,
      message: f.message,
      fix: f.fix,
    })),
  };
}
