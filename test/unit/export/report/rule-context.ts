// Builds the context a report rule sees, for rule tests: by default the object is unchanged by the overlay.
import type { KubeObject } from '../../../../src/export/kube-object.js';
import type { RuleContext } from '../../../../src/export/report/finding.js';

/** A rule context for `object` on GKE with no options; override any field. */
export function ruleContext(object: KubeObject, overrides: Partial<RuleContext> = {}): RuleContext {
  return { target: 'gke', options: {}, object, original: object, objects: [object], ...overrides };
}
