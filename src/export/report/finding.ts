// What the target report is made of: findings with a severity, a stable rule id and a one-line fix, and the
// rules that produce them from one object of one target's final output.
import type { KubeObject } from '../kube-object.js';
import type { RewriteOptions } from '../rewrite/rewrite-context.js';
import type { TargetName } from '../targets/index.js';

/** How bad a finding is: `error` breaks on the target, `warning` is a production risk, `info` needs a look. */
export type Severity = 'error' | 'warning' | 'info';

/** Severities from worst to mildest: the order of summaries and sorting. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Stable rule ids: part of report.json's public shape; add new ones, never rename. */
export type RuleId =
  | 'image-dev-registry'
  | 'image-push-needed'
  | 'image-side-loaded'
  | 'image-floating-tag'
  | 'container-resources'
  | 'container-probes'
  | 'single-replica'
  | 'hostpath-volume'
  | 'run-as-root'
  | 'fixed-uid'
  | 'privileged'
  | 'pod-security-restricted'
  | 'node-port'
  | 'load-balancer-unsupported'
  | 'public-exposure'
  | 'ingress-unsupported'
  | 'ingress-dev-annotations'
  | 'gke-ingress-class-name'
  | 'storage-class-unmapped'
  | 'storage-class-no-default'
  | 'storage-class-check'
  | 'secret-included'
  | 'host-access-admin-only'
  | 'ingress-controller-off';

/** One finding about one object for one target. */
export interface Finding {
  target: TargetName;
  severity: Severity;
  rule: RuleId;
  /** objectKey() of the object: group/kind/namespace/name. */
  object: string;
  /** describeOrigin() of the object: `file.yaml#3` or `cluster NAME`. */
  origin: string;
  /** The container the finding is about, when it is about one. */
  container?: string;
  message: string;
  fix: string;
}

/** What a rule returns; the report adds target, object and origin. */
export type FindingDraft = Pick<Finding, 'severity' | 'rule' | 'container' | 'message' | 'fix'>;

/** What a rule sees: one object as the target gets it, the same object in the base, and all of the target's objects. */
export interface RuleContext {
  target: TargetName;
  options: RewriteOptions;
  object: KubeObject;
  /** The base object before the overlay; undefined for objects the overlay adds. */
  original: KubeObject | undefined;
  objects: readonly KubeObject[];
}

/** A report rule: pure, one object in, findings out. */
export type Rule = (ctx: RuleContext) => FindingDraft[];

/** A draft about one container, named `(unnamed)` when the manifest gives it no name. */
export function containerFinding(
  rule: RuleId,
  severity: Severity,
  container: { name?: unknown },
  message: string,
  fix: string,
): FindingDraft {
  return { severity, rule, container: typeof container.name === 'string' ? container.name : '(unnamed)', message, fix };
}
