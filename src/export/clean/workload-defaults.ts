// The defaults the API server fills into Deployments, StatefulSets, DaemonSets, Jobs and CronJobs: removed so
// that live and hand-written objects export the same. Only exact default values go. `replicas: 1` goes only when
// the object's own field evidence shows the user did not set it; a file's `replicas` always stays.
import { apiGroup, type KubeObject } from '../kube-object.js';
import { fieldEvidence } from './field-evidence.js';
import { dropDefaults, mapAt, type PlainMap } from './nested-maps.js';

const DEFAULTS: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>> = {
  'apps/Deployment': {
    revisionHistoryLimit: [10],
    progressDeadlineSeconds: [600],
    strategy: [{ type: 'RollingUpdate' }, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }],
  },
  'apps/StatefulSet': {
    revisionHistoryLimit: [10],
    podManagementPolicy: ['OrderedReady'],
    updateStrategy: [{ type: 'RollingUpdate' }, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }],
    persistentVolumeClaimRetentionPolicy: [{ whenDeleted: 'Retain', whenScaled: 'Retain' }],
  },
  'apps/DaemonSet': {
    revisionHistoryLimit: [10],
    updateStrategy: [{ type: 'RollingUpdate' }, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }],
  },
  'batch/CronJob': {
    concurrencyPolicy: ['Allow'],
    failedJobsHistoryLimit: [1],
    successfulJobsHistoryLimit: [3],
    suspend: [false],
  },
};

const JOB_DEFAULTS = { backoffLimit: [6], completionMode: ['NonIndexed'], suspend: [false] };

/**
 * A Job spec's defaults. `podReplacementPolicy` defaults to TerminatingOrFailed only without a podFailurePolicy;
 * `completions` and `parallelism` default to 1 only together, and an Indexed Job must keep `completions`.
 */
function dropJobDefaults(spec: PlainMap | undefined): void {
  if (spec === undefined) return;
  dropDefaults(spec, JOB_DEFAULTS);
  if (spec.podFailurePolicy === undefined) dropDefaults(spec, { podReplacementPolicy: ['TerminatingOrFailed'] });
  if (spec.completionMode === undefined && spec.completions === 1 && spec.parallelism === 1) {
    delete spec.completions;
    delete spec.parallelism;
  }
}

/** Removes defaulted fields from the spec of a built-in workload (and of a CronJob's job template). */
export function cleanWorkloadDefaults(o: KubeObject): void {
  const key = `${apiGroup(o.apiVersion)}/${o.kind}`;
  const spec = mapAt(o, 'spec');
  if (key === 'batch/Job') dropJobDefaults(spec);
  if (key === 'batch/CronJob') dropJobDefaults(mapAt(spec, 'jobTemplate', 'spec'));
  const defaults = DEFAULTS[key];
  if (defaults !== undefined) dropDefaults(spec, defaults);
  if ((key === 'apps/Deployment' || key === 'apps/StatefulSet') && spec?.replicas === 1 && replicasDefaulted(o)) delete spec.replicas;
}

// Evidence that the API server, not the user, set replicas. After `kubectl apply`: a last-applied configuration
// without it, and no server-side applier owning it (client-side apply's Update entry owns defaulted fields too, so
// it proves nothing). Otherwise: a server-side apply made the object and no manager owns replicas (the applier did
// not send it; defaults filled in on an apply are nobody's). Objects with no such evidence (files) keep it.
function replicasDefaulted(o: KubeObject): boolean {
  const evidence = fieldEvidence(o);
  const path = ['f:spec', 'f:replicas'];
  if (evidence.applied !== undefined) return mapAt(evidence.applied, 'spec')?.replicas === undefined && !evidence.applyOwned(path);
  return evidence.appliedServerSide && !evidence.owned(path);
}
