// Where pod specs live inside the built-in workload kinds, so that pod-level rules reach Pods and every pod
// template alike. Custom resources are left alone: their controllers may not default a template the same way.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { mapAt, mapsIn, type PlainMap } from './nested-maps.js';

/** A pod spec and the map holding it: the template (metadata + spec), or the Pod itself. */
export interface PodSpecAt {
  template: PlainMap;
  spec: PlainMap;
}

const TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  '/PodTemplate': ['template'],
  '/ReplicationController': ['spec', 'template'],
  'apps/Deployment': ['spec', 'template'],
  'apps/StatefulSet': ['spec', 'template'],
  'apps/DaemonSet': ['spec', 'template'],
  'apps/ReplicaSet': ['spec', 'template'],
  'batch/Job': ['spec', 'template'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
};

function templateOf(o: KubeObject): PlainMap | undefined {
  const key = `${apiGroup(o.apiVersion)}/${o.kind}`;
  if (key === '/Pod') return o;
  const path = TEMPLATE_PATHS[key];
  return path === undefined ? undefined : mapAt(o, ...path);
}

/** The pod template of a built-in workload, or the Pod itself; undefined for other kinds. */
export function podSpecOf(o: KubeObject): PodSpecAt | undefined {
  const template = templateOf(o);
  const spec = mapAt(template, 'spec');
  return template === undefined || spec === undefined ? undefined : { template, spec };
}

/** Every container of a pod spec: init, app and ephemeral. */
export function containersOf(spec: PlainMap): PlainMap[] {
  return ['initContainers', 'containers', 'ephemeralContainers'].flatMap((key) => mapsIn(spec[key]));
}
