// Drops the observed state the API server writes into objects: `status`, and the empty status and null
// timestamps it fills into embedded templates (pod templates, job templates, volume claim templates).
import type { KubeObject } from '../kube-object.js';
import { dropEntries, mapAt, mapsIn, type PlainMap } from './nested-maps.js';
import { podSpecOf } from './pod-specs.js';

/** Removes `metadata.creationTimestamp: null` under `holder`, and the metadata itself if nothing else was in it. */
function dropNullTimestamp(holder: PlainMap | undefined): void {
  dropEntries(holder, 'metadata', (key, value) => key === 'creationTimestamp' && value === null);
}

/** Removes `status`, templates' `creationTimestamp: null`, and volume claim templates' status. */
export function cleanStatus(o: KubeObject): void {
  delete o.status;
  const pod = podSpecOf(o);
  if (pod !== undefined && pod.template !== o) dropNullTimestamp(pod.template);
  dropNullTimestamp(mapAt(o, 'spec', 'jobTemplate'));
  for (const claim of mapsIn(mapAt(o, 'spec')?.volumeClaimTemplates)) {
    delete claim.status;
    dropNullTimestamp(claim);
  }
}
