// What a snapshot keeps of a live cluster: the objects the promotion dump keeps (the skip rules leave out what
// the cluster made itself, cleaning strips server-set fields), Secrets included, in restore order; and the
// claims whose data can be read from a node container. Pure.
import { cleanBase } from '../bundle/build-bundle.js';
import type { KubeObject, SourcedObject } from '../kube-object.js';
import { orderObjects } from '../order/order-objects.js';
import { claimVolumes, type ClaimVolume, type SkippedClaim } from './claim-volumes.js';

/** The snapshot's objects and volumes. */
export interface SnapshotDump {
  objects: KubeObject[];
  volumes: ClaimVolume[];
  skippedClaims: SkippedClaim[];
}

/** The dump of the objects read live. */
export function snapshotDump(raw: readonly SourcedObject[]): SnapshotDump {
  const objects = orderObjects(cleanBase({ objects: raw, includeSecrets: true }).base.map((s) => s.object));
  const { volumes, skipped } = claimVolumes(raw.map((s) => s.object));
  const kept = (v: ClaimVolume) =>
    objects.some((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.namespace === v.namespace && o.metadata.name === v.claim);
  return {
    objects,
    volumes: volumes.filter(kept),
    skippedClaims: [
      ...skipped,
      ...volumes
        .filter((v) => !kept(v))
        .map((v) => ({ namespace: v.namespace, claim: v.claim, reason: 'the claim itself is left out by the skip rules' })),
    ],
  };
}
