// How the dev cluster's node counts carry over. kind untaints its control planes when there are no workers,
// and k3s servers always run workloads; production control planes usually do not.
import type { DevClusterFacts } from './dev-cluster.js';
import { info, type Finding } from './target.js';

/** How many nodes ran the dev cluster's workloads: the workers, or the control planes when there are none. */
export function workloadNodeCount(facts: DevClusterFacts): number {
  return facts.workers > 0 ? facts.workers : facts.controlPlanes;
}

/** Worker nodes for a target whose control plane runs no workloads, with a finding when that differs. */
export function workerNodesFor(target: string, facts: DevClusterFacts): { count: number; findings: Finding[] } {
  const count = workloadNodeCount(facts);
  if (facts.workers > 0) return { count, findings: [] };
  const message =
    `${target}: the dev cluster runs workloads on its ${facts.controlPlanes} control-plane node(s) and has no workers; ` +
    `planned ${count} worker node(s) because ${target} control planes do not run workloads`;
  return { count, findings: [info('nodes-changed', message)] };
}

/** A warning when the control-plane count is even: etcd keeps quorum best with an odd number of members. */
export function etcdQuorumFindings(target: string, controlPlanes: number): Finding[] {
  if (controlPlanes % 2 === 1) return [];
  const message = `${target}: ${controlPlanes} control-plane nodes give etcd no more failure tolerance than ${controlPlanes - 1}; use an odd number`;
  return [{ severity: 'warning', code: 'etcd-quorum', message }];
}

/** A finding when a target fixes the control-plane count (OpenShift: 3; Tanzu: 1 or 3). */
export function controlPlaneChange(target: string, facts: DevClusterFacts, planned: number): Finding[] {
  if (planned === facts.controlPlanes) return [];
  return [
    info(
      'nodes-changed',
      `${target}: the dev cluster has ${facts.controlPlanes} control-plane node(s); ${target} gets ${planned}, the nearest count it supports`,
    ),
  ];
}
