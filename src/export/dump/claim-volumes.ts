// Where each PersistentVolumeClaim's data lives on the dev cluster (promotion.md 4.4). kind's and k3s's
// local-path-provisioner create a hostPath (or, when asked, local) PersistentVolume per claim, pinned to one node
// by nodeAffinity on kubernetes.io/hostname: kind `/var/local-path-provisioner/pvc-<uid>_<ns>_<claim>`, k3s
// `/var/lib/rancher/k3s/storage/pvc-<uid>_<ns>_<claim>`. Such a folder can be read from the node container;
// any other claim is listed with the reason its data stays behind. Reads the raw live objects: cleaning removes
// the volumeName this needs.
import { isPlainMap, mapAt, mapsIn, type PlainMap } from '../clean/nested-maps.js';
import { apiGroup, type KubeObject } from '../kube-object.js';

/** A claim whose data kindling can copy: the claim, its volume, and the folder on the node that holds it. */
export interface ClaimVolume {
  namespace: string;
  claim: string;
  /** The PersistentVolume's name. */
  volume: string;
  /** The node (and so the node container) holding the data; absent when read back for restore, which does not need it. */
  node?: string;
  /** The folder on the node: the volume's hostPath or local path. */
  path: string;
  storageClass?: string;
  accessModes: string[];
  /** The claim's requested size (the volume's capacity when the claim has none), e.g. `1Gi`; '' when neither says. */
  size: string;
}

/** A claim whose data stays behind, and why. */
export interface SkippedClaim {
  namespace: string;
  claim: string;
  reason: string;
}

const HOSTNAME = 'kubernetes.io/hostname';
// PersistentVolumeSpec fields that are not the volume source.
const NOT_A_SOURCE = new Set([
  'accessModes',
  'capacity',
  'claimRef',
  'mountOptions',
  'nodeAffinity',
  'persistentVolumeReclaimPolicy',
  'storageClassName',
  'volumeAttributesClassName',
  'volumeMode',
]);

const isCore = (o: KubeObject, kind: string) => apiGroup(o.apiVersion) === '' && o.kind === kind;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The hostnames one term allows (its `In` lists on kubernetes.io/hostname, intersected), or undefined for any node. */
function termNodes(term: PlainMap): string[] | undefined {
  const lists = mapsIn(term.matchExpressions)
    .filter((e) => e.key === HOSTNAME && e.operator === 'In')
    .map((e) => strings(e.values));
  return lists.length === 0 ? undefined : lists.reduce((a, b) => a.filter((n) => b.includes(n)));
}

/** The hostnames the volume's required nodeAffinity allows; [] when it allows any node (terms are ORed). */
function affinityNodes(spec: PlainMap): string[] {
  const terms = mapsIn(mapAt(spec, 'nodeAffinity', 'required')?.nodeSelectorTerms).map(termNodes);
  if (terms.length === 0 || terms.some((t) => t === undefined)) return [];
  return [...new Set(terms.flatMap((t) => t ?? []))].sort();
}

function sourceType(spec: PlainMap): string {
  return Object.keys(spec).find((k) => !NOT_A_SOURCE.has(k) && isPlainMap(spec[k])) ?? 'no volume source';
}

/** The volume behind one bound claim, or the reason it cannot be copied. */
function locate(
  claim: KubeObject,
  namespace: string,
  pvs: ReadonlyMap<string, KubeObject>,
): Omit<ClaimVolume, 'namespace' | 'claim'> | string {
  const claimSpec = mapAt(claim, 'spec') ?? {};
  const volume = text(claimSpec.volumeName);
  if (volume === undefined) return 'not bound to a PersistentVolume (still Pending?)';
  const pv = pvs.get(volume);
  const spec = pv && mapAt(pv, 'spec');
  if (spec === undefined) return `its PersistentVolume ${volume} is not among the objects read`;
  const ref = mapAt(spec, 'claimRef');
  if (ref !== undefined && (ref.name !== claim.metadata.name || ref.namespace !== namespace)) {
    return `its PersistentVolume ${volume} is bound to another claim (${String(ref.namespace)}/${String(ref.name)})`;
  }
  // A raw block device: `docker cp` would copy the device node, not what is on it.
  if (spec.volumeMode === 'Block') return `its PersistentVolume ${volume} is a raw block device (volumeMode: Block)`;
  const path = text(mapAt(spec, 'hostPath')?.path) ?? text(mapAt(spec, 'local')?.path);
  if (path === undefined) {
    const source = sourceType(spec);
    if (source === 'hostPath' || source === 'local') return `its PersistentVolume ${volume} has no ${source}.path`;
    return `its PersistentVolume ${volume} is ${source}, not a hostPath or local folder on a node`;
  }
  const nodes = affinityNodes(spec);
  if (nodes.length !== 1) {
    const where =
      nodes.length === 0 ? 'its nodeAffinity does not pin it to a kubernetes.io/hostname' : `any of the nodes ${nodes.join(', ')}`;
    return `the data of PersistentVolume ${volume} (${path}) cannot be placed on one node: ${where}`;
  }
  const storageClass = text(claimSpec.storageClassName) ?? text(spec.storageClassName);
  const accessModes = strings(claimSpec.accessModes).length > 0 ? strings(claimSpec.accessModes) : strings(spec.accessModes);
  const size = text(mapAt(claimSpec, 'resources', 'requests')?.storage) ?? text(mapAt(spec, 'capacity')?.storage) ?? '';
  return { volume, node: nodes[0]!, path, ...(storageClass === undefined ? {} : { storageClass }), accessModes, size };
}

/** The claims whose data can be copied from a node container, and the others with a reason; both by namespace and name. */
export function claimVolumes(objects: readonly KubeObject[]): { volumes: ClaimVolume[]; skipped: SkippedClaim[] } {
  const pvs = new Map(objects.filter((o) => isCore(o, 'PersistentVolume')).map((o) => [o.metadata.name ?? '', o]));
  const claims = objects
    .filter((o) => isCore(o, 'PersistentVolumeClaim'))
    .map((o) => ({ o, namespace: o.metadata.namespace ?? 'default', claim: o.metadata.name ?? '' }))
    .sort((a, b) => (a.namespace === b.namespace ? compare(a.claim, b.claim) : compare(a.namespace, b.namespace)));
  const volumes: ClaimVolume[] = [];
  const skipped: SkippedClaim[] = [];
  for (const { o, namespace, claim } of claims) {
    const found = locate(o, namespace, pvs);
    if (typeof found === 'string') skipped.push({ namespace, claim, reason: found });
    else volumes.push({ namespace, claim, ...found });
  }
  return { volumes, skipped };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
