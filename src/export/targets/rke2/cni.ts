// The CNI RKE2 gets for the dev cluster's: shared by standalone RKE2 and Rancher-provisioned RKE2.
import type { DevClusterFacts } from '../dev-cluster.js';
import { info, type Finding } from '../target.js';

/** RKE2's CNI for the dev one: flannel carries over (RKE2 offers calico, canal, cilium, flannel: rke2 @
 * v1.36.3+rke2r1 pkg/cli/cmds/server.go); anything else gets `otherwise`, the installer's default. */
export function rke2Cni(target: string, facts: DevClusterFacts, otherwise: string): { cni: string; findings: Finding[] } {
  if (facts.cni === 'flannel') return { cni: 'flannel', findings: [] };
  return { cni: otherwise, findings: [info('cni-changed', `${target}: RKE2 has no ${facts.cni}; using ${otherwise}`)] };
}
