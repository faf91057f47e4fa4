// hostPath volumes: node-local, lost on rescheduling, rejected by restricted-v2, Autopilot and Pod Security
// baseline, and not backed up by Velero (promotion.md 3.3).
import { podSpecOf } from '../rewrite/pod-spec.js';
import { valueAt } from '../rewrite/value-at.js';
import type { Rule } from './finding.js';

/** Pod volumes of type hostPath, and PersistentVolumes that are hostPath directories (local-path PVs). */
export const hostPathVolume: Rule = ({ object }) => {
  if (object.kind === 'PersistentVolume' && valueAt(object, ['spec', 'hostPath']) !== undefined) {
    const message = `PersistentVolume is the host directory ${String(valueAt(object, ['spec', 'hostPath', 'path']))} on a dev node`;
    return [
      {
        severity: 'error',
        rule: 'hostpath-volume',
        message,
        fix: 'drop the PersistentVolume, let its claim provision a volume on the target and copy the data (--with-state)',
      },
    ];
  }
  return (podSpecOf(object)?.volumes ?? [])
    .filter((v) => v.hostPath !== undefined)
    .map((v) => ({
      severity: 'error',
      rule: 'hostpath-volume',
      message: `volume ${v.name ?? '(unnamed)'} mounts host path ${v.hostPath?.path ?? '(none)'} of whichever node runs the pod`,
      fix: 'use a PersistentVolumeClaim (or emptyDir for scratch data) instead of hostPath',
    }));
};
