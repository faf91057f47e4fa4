// The fields every promotion rule reads, checked for their type once, where documents are read: a string where a
// map belongs, a number as a name, a volumes list that is not a list. An object with such a field is left out with
// a finding naming the field (the report lists it with its file and document); the rest of the bundle is written.
// The API server would refuse such an object too, so nothing that could be applied is lost.
import { podSpecOf } from '../clean/pod-specs.js';
import { isPlainMap, type PlainMap } from '../clean/nested-maps.js';
import { apiGroup, type KubeObject } from '../kube-object.js';

type Kind = 'string' | 'map' | 'list' | 'list of maps' | 'map of strings';

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainMap(value)) return 'a map';
  const text = JSON.stringify(value);
  return `a ${typeof value} (${text.length > 40 ? `${text.slice(0, 40)}…` : text})`;
}

function fits(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'map':
      return isPlainMap(value);
    case 'list':
      return Array.isArray(value);
    case 'list of maps':
      return Array.isArray(value) && value.every(isPlainMap);
    case 'map of strings':
      return isPlainMap(value) && Object.values(value).every((v) => typeof v === 'string');
  }
}

/** The first of `fields` (path under `root` -> kind) that is present with another type, said with its path. */
function firstMisfit(root: PlainMap, prefix: string, fields: Readonly<Record<string, Kind>>): string | undefined {
  for (const [path, kind] of Object.entries(fields)) {
    let value: unknown = root;
    for (const key of path.split('.')) value = isPlainMap(value) ? value[key] : undefined;
    if (value !== undefined && !fits(value, kind))
      return `${prefix}${path} must be ${kind === 'list of maps' ? 'a list of maps' : `a ${kind}`}, got ${describe(value)}`;
  }
  return undefined;
}

const METADATA: Readonly<Record<string, Kind>> = {
  'metadata.name': 'string',
  'metadata.generateName': 'string',
  'metadata.namespace': 'string',
  'metadata.labels': 'map of strings',
  'metadata.annotations': 'map of strings',
  'metadata.ownerReferences': 'list of maps',
  'metadata.finalizers': 'list',
};

const POD_SPEC: Readonly<Record<string, Kind>> = {
  containers: 'list of maps',
  initContainers: 'list of maps',
  ephemeralContainers: 'list of maps',
  volumes: 'list of maps',
  imagePullSecrets: 'list of maps',
  tolerations: 'list of maps',
  nodeSelector: 'map of strings',
  securityContext: 'map',
  affinity: 'map',
  serviceAccountName: 'string',
};

const CONTAINER: Readonly<Record<string, Kind>> = {
  name: 'string',
  image: 'string',
  ports: 'list of maps',
  env: 'list of maps',
  envFrom: 'list of maps',
  volumeMounts: 'list of maps',
  resources: 'map',
  securityContext: 'map',
  command: 'list',
  args: 'list',
};

const BY_KIND: Readonly<Record<string, Readonly<Record<string, Kind>>>> = {
  '/Service': { spec: 'map', 'spec.ports': 'list of maps', 'spec.type': 'string', 'spec.selector': 'map of strings' },
  '/PersistentVolumeClaim': { spec: 'map', 'spec.storageClassName': 'string', 'spec.accessModes': 'list', 'spec.volumeName': 'string' },
  '/PersistentVolume': { spec: 'map', 'spec.storageClassName': 'string', 'spec.claimRef': 'map' },
  'networking.k8s.io/Ingress': { spec: 'map', 'spec.rules': 'list of maps', 'spec.tls': 'list of maps', 'spec.ingressClassName': 'string' },
  '/Secret': { data: 'map', stringData: 'map', type: 'string' },
};

/** Why `o` cannot be promoted as it is (a field of the wrong type, named by its path); undefined when it can. */
export function fieldTypeProblem(o: KubeObject): string | undefined {
  const own = firstMisfit(o, '', METADATA) ?? firstMisfit(o, '', BY_KIND[`${apiGroup(o.apiVersion)}/${o.kind}`] ?? {});
  if (own !== undefined) return own;
  const pod = podSpecOf(o);
  if (pod === undefined) return undefined;
  const at = o.kind === 'Pod' ? 'spec.' : 'the pod template: spec.';
  const spec = firstMisfit(pod.spec, at, POD_SPEC);
  if (spec !== undefined) return spec;
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    const list = pod.spec[key];
    if (!Array.isArray(list)) continue;
    for (const [i, c] of list.entries()) {
      const problem = firstMisfit(c as PlainMap, `${at}${key}[${i}].`, CONTAINER);
      if (problem !== undefined) return problem;
    }
  }
  const template = firstMisfit(pod.template, o.kind === 'Pod' ? '' : 'the pod template: ', METADATA);
  return template;
}
