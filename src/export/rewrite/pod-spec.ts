// Where workload kinds keep their pod spec, and the containers inside it, as JSON pointers so that rewrites can
// patch them and report rules can name them.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { jsonPointer } from './json-patch.js';
import { isRecord, valueAt } from './value-at.js';

/** The fields of a container that promotion reads; everything else is kept verbatim. */
export interface Container {
  name?: string;
  image?: string;
  imagePullPolicy?: string;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  securityContext?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The fields of a pod spec that promotion reads. */
export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  volumes?: Array<{ name?: string; hostPath?: { path?: string }; [key: string]: unknown }>;
  securityContext?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A container and the JSON pointer to it. */
export interface ContainerAt {
  container: Container;
  pointer: string;
  init: boolean;
}

const TEMPLATE = ['spec', 'template', 'spec'];

// group/kind -> path of the pod spec (core Pod, apps/v1 and batch/v1 workloads).
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  '/Pod': ['spec'],
  '/ReplicationController': TEMPLATE,
  'apps/Deployment': TEMPLATE,
  'apps/StatefulSet': TEMPLATE,
  'apps/DaemonSet': TEMPLATE,
  'apps/ReplicaSet': TEMPLATE,
  'batch/Job': TEMPLATE,
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

// The path to an object's pod spec, if its kind has one.
function podSpecPath(o: KubeObject): readonly string[] | undefined {
  return POD_SPEC_PATHS[`${apiGroup(o.apiVersion)}/${o.kind}`];
}

/** The object's pod spec, if its kind has one and it is present. */
export function podSpecOf(o: KubeObject): PodSpec | undefined {
  const path = podSpecPath(o);
  const spec = path === undefined ? undefined : valueAt(o, path);
  return isRecord(spec) ? (spec as PodSpec) : undefined;
}

// The report runs ~25 rules over every object for every target; most ask for the containers. Objects are not
// reshaped once read (rewrites make patched copies), so each object's list is found once.
const containerLists = new WeakMap<KubeObject, ContainerAt[]>();

/** Every init and regular container of an object's pod spec, in document order (init containers first). */
export function containersOf(o: KubeObject): ContainerAt[] {
  let found = containerLists.get(o);
  if (found === undefined) {
    found = findContainers(o);
    containerLists.set(o, found);
  }
  return found;
}

function findContainers(o: KubeObject): ContainerAt[] {
  const spec = podSpecOf(o);
  const path = podSpecPath(o);
  if (spec === undefined || path === undefined) return [];
  const list = (field: 'initContainers' | 'containers'): ContainerAt[] =>
    (Array.isArray(spec[field]) ? spec[field] : []).flatMap((container, i) =>
      isRecord(container) ? [{ container, pointer: jsonPointer([...path, field, i]), init: field === 'initContainers' }] : [],
    );
  return [...list('initContainers'), ...list('containers')];
}
