// Volume binding the PV controller wrote (promotion.md 4.2, 4.5): a claim's volumeName when the controller
// chose the volume, and a volume's claimRef uid and resourceVersion, which name objects of the source cluster.
// A volumeName or claimRef the user wrote for static binding stays.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { dropDefaults, mapAt } from './nested-maps.js';

const BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';

/** Cleans PersistentVolumeClaims and PersistentVolumes. Reads binding annotations: run before cleanMetadata. */
export function cleanStorage(o: KubeObject): void {
  const spec = mapAt(o, 'spec');
  if (apiGroup(o.apiVersion) !== '' || spec === undefined) return;
  if (o.kind === 'PersistentVolumeClaim') {
    if (o.metadata.annotations?.[BOUND_BY_CONTROLLER] === 'yes') delete spec.volumeName;
    dropDefaults(spec, { volumeMode: ['Filesystem'] });
  }
  if (o.kind === 'PersistentVolume') {
    const claimRef = mapAt(spec, 'claimRef');
    delete claimRef?.uid;
    delete claimRef?.resourceVersion;
    dropDefaults(spec, { volumeMode: ['Filesystem'] });
  }
}
