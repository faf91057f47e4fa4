// Single replicas without a PodDisruptionBudget: node upgrades and pool rotations drain nodes and take the only
// replica down (promotion.md 3.8).
import { apiGroup, type KubeObject } from '../kube-object.js';
import { isRecord, valueAt } from '../rewrite/value-at.js';
import type { Rule } from './finding.js';
import { selectorMatches } from './label-selector.js';

const WORKLOADS = ['Deployment', 'StatefulSet'];

// The PodDisruptionBudgets and HorizontalPodAutoscalers of one target's objects, found once per object list rather
// than once per workload (a scan per workload made 10,000-object promotions quadratic).
const scalingObjects = new WeakMap<readonly KubeObject[], { pdbs: KubeObject[]; hpas: KubeObject[] }>();

function scalingObjectsOf(objects: readonly KubeObject[]): { pdbs: KubeObject[]; hpas: KubeObject[] } {
  let found = scalingObjects.get(objects);
  if (found === undefined) {
    found = {
      pdbs: objects.filter((o) => o.kind === 'PodDisruptionBudget' && apiGroup(o.apiVersion) === 'policy'),
      hpas: objects.filter((o) => o.kind === 'HorizontalPodAutoscaler'),
    };
    scalingObjects.set(objects, found);
  }
  return found;
}

/** A Deployment or StatefulSet with one replica (and no HPA keeping two) that no PodDisruptionBudget selects. */
export const singleReplica: Rule = ({ object, objects }) => {
  if (apiGroup(object.apiVersion) !== 'apps' || !WORKLOADS.includes(object.kind)) return [];
  const { pdbs, hpas } = scalingObjectsOf(objects);
  if ((valueAt(object, ['spec', 'replicas']) ?? 1) !== 1 || scaledByHpa(object, hpas)) return [];
  const labels = valueAt(object, ['spec', 'template', 'metadata', 'labels']);
  const podLabels = isRecord(labels) ? (labels as Record<string, string>) : {};
  if (pdbs.some((o) => isPdbFor(o, object, podLabels))) return [];
  return [
    {
      severity: 'warning',
      rule: 'single-replica',
      message: '1 replica and no PodDisruptionBudget: a node drain (upgrade, pool rotation) takes it down',
      fix: 'run at least 2 replicas and add a PodDisruptionBudget (minAvailable: 1) that selects its pods',
    },
  ];
};

function isPdbFor(pdb: KubeObject, workload: KubeObject, podLabels: Record<string, string>): boolean {
  return pdb.metadata.namespace === workload.metadata.namespace && selectorMatches(valueAt(pdb, ['spec', 'selector']), podLabels);
}

// A HorizontalPodAutoscaler with minReplicas of 2 or more owns the replica count.
function scaledByHpa(workload: KubeObject, hpas: readonly KubeObject[]): boolean {
  return hpas.some(
    (o) =>
      o.metadata.namespace === workload.metadata.namespace &&
      valueAt(o, ['spec', 'scaleTargetRef', 'kind']) === workload.kind &&
      valueAt(o, ['spec', 'scaleTargetRef', 'name']) === workload.metadata.name &&
      Number(valueAt(o, ['spec', 'minReplicas']) ?? 1) >= 2,
  );
}
