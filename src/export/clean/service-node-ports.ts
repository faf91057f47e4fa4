// Drops nodePorts the API server allocated and keeps the ones a user pinned (promotion.md 4.2, Velero's service
// action): allocated ports change on re-creation and may clash on the target. A port counts as pinned when
// managedFields or the last-applied annotation show a user set it, or, lacking both, when the object comes from
// a file rather than a cluster. A Service that is neither NodePort nor LoadBalancer keeps no node ports.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { fieldEvidence, type FieldEvidence } from './field-evidence.js';
import { mapAt, mapsIn, type PlainMap } from './nested-maps.js';

function samePort(a: PlainMap, b: PlainMap): boolean {
  return a.port === b.port && (a.protocol ?? 'TCP') === (b.protocol ?? 'TCP');
}

function nodePortPinned(evidence: FieldEvidence, port: PlainMap): boolean {
  if (!evidence.known) return !evidence.live;
  const key = `k:${JSON.stringify({ port: port.port, protocol: port.protocol ?? 'TCP' })}`;
  if (evidence.owned(['f:spec', 'f:ports', key, 'f:nodePort'])) return true;
  return mapsIn(mapAt(evidence.applied, 'spec')?.ports).some((p) => samePort(p, port) && p.nodePort !== undefined);
}

function healthCheckPinned(evidence: FieldEvidence): boolean {
  if (!evidence.known) return !evidence.live;
  return evidence.owned(['f:spec', 'f:healthCheckNodePort']) || mapAt(evidence.applied, 'spec')?.healthCheckNodePort !== undefined;
}

/** Removes unpinned `nodePort`s and `healthCheckNodePort` from a core Service. Reads managedFields: run it first. */
export function cleanNodePorts(o: KubeObject): void {
  const spec = mapAt(o, 'spec');
  if (apiGroup(o.apiVersion) !== '' || o.kind !== 'Service' || spec === undefined) return;
  const exposed = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  const evidence = fieldEvidence(o);
  for (const port of mapsIn(spec.ports)) {
    if (!exposed || !nodePortPinned(evidence, port)) delete port.nodePort;
  }
  if (!exposed || !healthCheckPinned(evidence)) delete spec.healthCheckNodePort;
}
