// Kinds that are never exported: they describe the source cluster's machines, history or controllers' own
// bookkeeping (promotion.md 4.2 Velero's nonRestorableResources, 4.5 skip kinds). Matched by API group and kind,
// so a custom resource that happens to be called `Node` or `Event` is kept.
import { apiGroup, type KubeObject } from '../kube-object.js';

const NEVER_EXPORTED: Readonly<Record<string, string>> = {
  '/Node': 'a node of the source cluster',
  'storage.k8s.io/CSINode': "a node's CSI drivers, written by the kubelet",
  'storage.k8s.io/VolumeAttachment': 'volume attachment state of the source nodes',
  '/Event': 'cluster history, not configuration',
  'events.k8s.io/Event': 'cluster history, not configuration',
  'coordination.k8s.io/Lease': 'leader-election and heartbeat state',
  '/ComponentStatus': 'a read-only health report',
  'apps/ControllerRevision': 'revision history kept by its StatefulSet or DaemonSet',
  'networking.k8s.io/IPAddress': "a Service's cluster IP as the source API server allocated it; the target allocates its own",
  'velero.io/Backup': "Velero's own bookkeeping",
  'velero.io/Restore': "Velero's own bookkeeping",
  'velero.io/ResticRepository': "Velero's own bookkeeping",
  'velero.io/BackupRepository': "Velero's own bookkeeping",
};

/** Why objects of this kind are never exported; undefined for every other kind. */
export function skippedKind(o: KubeObject): string | undefined {
  const reason = NEVER_EXPORTED[`${apiGroup(o.apiVersion)}/${o.kind}`];
  return reason === undefined ? undefined : `${o.kind}: ${reason}`;
}
