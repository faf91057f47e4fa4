// Containers that run but are not production-shaped: no resource requests/limits (HPA and Autopilot depend on
// them) and no probes (rollouts cannot tell ready from started) (promotion.md 3.8).
import { apiGroup, type KubeObject } from '../kube-object.js';
import { containersOf, type Container } from '../rewrite/pod-spec.js';
import { isRecord } from '../rewrite/value-at.js';
import { containerFinding, type Rule } from './finding.js';

/** Regular containers without resource requests or limits. */
export const containerResources: Rule = ({ object }) =>
  regularContainers(object).flatMap((container) => {
    const missing = (['requests', 'limits'] as const).filter((field) => isEmpty(container.resources?.[field]));
    if (missing.length === 0) return [];
    const message = `no resource ${missing.join(' or ')}`;
    const fix = 'set resources.requests for cpu and memory, and resources.limits for memory';
    return [containerFinding('container-resources', 'warning', container, message, fix)];
  });

/** Regular containers of long-running workloads without a readiness or liveness probe (batch kinds are exempt). */
export const containerProbes: Rule = ({ object }) => {
  if (apiGroup(object.apiVersion) === 'batch') return [];
  return regularContainers(object).flatMap((container) => {
    const missing = (['readinessProbe', 'livenessProbe'] as const).filter((probe) => container[probe] === undefined);
    if (missing.length === 0) return [];
    const fix = 'add a readinessProbe so traffic waits for the container, and a livenessProbe so a hung one restarts';
    return [containerFinding('container-probes', 'warning', container, `no ${missing.join(' or ')}`, fix)];
  });
};

function regularContainers(o: KubeObject): Container[] {
  return containersOf(o)
    .filter((c) => !c.init)
    .map((c) => c.container);
}

function isEmpty(value: unknown): boolean {
  return !isRecord(value) || Object.keys(value).length === 0;
}
