// Strips what the API server and controllers write into metadata (promotion.md 4.1, 4.2 and 4.5): identity,
// timestamps, managed fields, owner references, controller annotations and finalizers. The user's name,
// namespace, labels, annotations and finalizers stay.
import type { KubeObject } from '../kube-object.js';
import { dropEntries, dropItems } from './nested-maps.js';

const SERVER_FIELDS = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
  'ownerReferences',
];

const SERVER_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deprecated.daemonset.template.generation',
  'control-plane.alpha.kubernetes.io/leader',
]);

// Binding, provisioner and selected-node annotations; the two listed after are set by users to choose a class
// or mount options, so they stay.
const SERVER_ANNOTATION_PREFIXES = ['pv.kubernetes.io/', 'volume.kubernetes.io/', 'volume.beta.kubernetes.io/'];
const USER_VOLUME_ANNOTATIONS = new Set(['volume.beta.kubernetes.io/storage-class', 'volume.beta.kubernetes.io/mount-options']);

const CONTROLLER_FINALIZERS = new Set([
  'kubernetes.io/pvc-protection',
  'kubernetes.io/pv-protection',
  'service.kubernetes.io/load-balancer-cleanup',
]);

function isServerAnnotation(key: string): boolean {
  if (SERVER_ANNOTATIONS.has(key)) return true;
  return !USER_VOLUME_ANNOTATIONS.has(key) && SERVER_ANNOTATION_PREFIXES.some((p) => key.startsWith(p));
}

/** Removes server-written metadata; keeps generateName only when there is no name. */
export function cleanMetadata(o: KubeObject): void {
  const meta = o.metadata;
  for (const field of SERVER_FIELDS) delete meta[field];
  if (meta.name !== undefined) delete meta.generateName;
  dropEntries(meta, 'annotations', isServerAnnotation);
  dropItems(meta, 'finalizers', (f) => typeof f === 'string' && CONTROLLER_FINALIZERS.has(f));
}
