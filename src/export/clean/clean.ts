// Turns an object read from a cluster or a file into a clean, re-appliable manifest: what kubectl-neat and
// Velero remove (promotion.md 4.1, 4.2, 4.5), nothing else. Pure and idempotent: the input is never changed,
// and cleaning a clean object changes nothing.
import type { KubeObject } from '../kube-object.js';
import { cleanJobLabels } from './job-labels.js';
import { cleanMetadata } from './metadata.js';
import { cleanNamespace } from './namespace.js';
import { cleanPodDefaults } from './pod-defaults.js';
import { cleanPodInjected } from './pod-injected.js';
import { cleanServiceAccountTokens } from './service-account-tokens.js';
import { cleanNodePorts } from './service-node-ports.js';
import { cleanService } from './service.js';
import { cleanStatus } from './status.js';
import { cleanStorage } from './storage.js';
import { cleanWorkloadDefaults } from './workload-defaults.js';

// Rules that read managedFields or annotations (node ports, storage binding, service-account uid) run before
// cleanMetadata removes them.
const RULES: ReadonlyArray<(o: KubeObject) => void> = [
  cleanNodePorts,
  cleanStorage,
  cleanServiceAccountTokens,
  cleanStatus,
  cleanService,
  cleanPodInjected,
  cleanPodDefaults,
  cleanWorkloadDefaults,
  cleanJobLabels,
  cleanNamespace,
  cleanMetadata,
];

/** A cleaned copy of `object`. */
export function cleanObject(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  for (const rule of RULES) rule(copy);
  return copy;
}
