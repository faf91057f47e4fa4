// Removes the values Kubernetes defaults in every pod spec and container (kubectl-neat's core/v1 de-defaulting,
// applied to Pods and to the pod templates of the built-in workloads), so that an object read from a cluster
// and the same object written by hand export identically. Each value listed is exactly what the API server
// would fill in again on the target; any other value stays.
import type { KubeObject } from '../kube-object.js';
import { dropDefaults, dropEmptyMap, mapAt, mapsIn, type PlainMap } from './nested-maps.js';
import { containersOf, podSpecOf } from './pod-specs.js';

const POD_DEFAULTS = {
  dnsPolicy: ['ClusterFirst'],
  restartPolicy: ['Always'],
  schedulerName: ['default-scheduler'],
  terminationGracePeriodSeconds: [30],
  enableServiceLinks: [true],
  preemptionPolicy: ['PreemptLowerPriority'],
};

const CONTAINER_DEFAULTS = {
  terminationMessagePath: ['/dev/termination-log'],
  terminationMessagePolicy: ['File'],
};

const PROBE_DEFAULTS = { timeoutSeconds: [1], periodSeconds: [10], successThreshold: [1], failureThreshold: [3] };

// 420 is 0644, the API's default file mode for projected files.
const VOLUME_MODE_DEFAULTS = { defaultMode: [420] };

/** `Always` for `:latest` and untagged images, `IfNotPresent` otherwise (digests included). */
export function defaultPullPolicy(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon < 0 || lastSegment.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function cleanContainer(container: PlainMap): void {
  dropDefaults(container, CONTAINER_DEFAULTS);
  if (typeof container.image === 'string') dropDefaults(container, { imagePullPolicy: [defaultPullPolicy(container.image)] });
  for (const port of mapsIn(container.ports)) dropDefaults(port, { protocol: ['TCP'] });
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    dropDefaults(mapAt(container, probe), PROBE_DEFAULTS);
    dropDefaults(mapAt(container, probe, 'httpGet'), { scheme: ['HTTP'] });
    // GRPCAction.service defaults to "" (the server's overall health), which the API server writes back.
    dropDefaults(mapAt(container, probe, 'grpc'), { service: [''] });
  }
  dropEmptyMap(container, 'resources');
  dropEmptyMap(container, 'securityContext');
}

function cleanVolume(volume: PlainMap): void {
  for (const source of ['configMap', 'secret', 'downwardAPI', 'projected']) dropDefaults(mapAt(volume, source), VOLUME_MODE_DEFAULTS);
  dropDefaults(mapAt(volume, 'hostPath'), { type: [''] });
}

/** Removes defaulted pod-level, container, probe and volume fields from a Pod or a workload's pod template. */
export function cleanPodDefaults(o: KubeObject): void {
  const spec = podSpecOf(o)?.spec;
  if (spec === undefined) return;
  dropDefaults(spec, POD_DEFAULTS);
  if (spec.serviceAccount === spec.serviceAccountName) delete spec.serviceAccount;
  dropEmptyMap(spec, 'securityContext');
  for (const container of containersOf(spec)) cleanContainer(container);
  for (const volume of mapsIn(spec.volumes)) cleanVolume(volume);
}
