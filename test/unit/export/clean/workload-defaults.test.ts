import { describe, expect, it } from 'vitest';
import { cleanWorkloadDefaults } from '../../../../src/export/clean/workload-defaults.js';
import { applied } from './apply-rule.js';

const workload = (apiVersion: string, kind: string, spec: Record<string, unknown>) => ({ apiVersion, kind, metadata: { name: 'w' }, spec });

describe('cleanWorkloadDefaults', () => {
  it('Deployment: removes revisionHistoryLimit, progressDeadlineSeconds and the default strategy, keeps replicas', () => {
    const live = workload('apps/v1', 'Deployment', {
      replicas: 1,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    expect(applied(cleanWorkloadDefaults, live)).toEqual(workload('apps/v1', 'Deployment', { replicas: 1 }));
    const chosen = workload('apps/v1', 'Deployment', {
      revisionHistoryLimit: 3,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    });
    expect(applied(cleanWorkloadDefaults, chosen)).toEqual(chosen);
    expect(applied(cleanWorkloadDefaults, workload('apps/v1', 'Deployment', { strategy: { type: 'RollingUpdate' } }))).toEqual(
      workload('apps/v1', 'Deployment', {}),
    );
  });

  it('replicas: 1 goes only when the object shows the API server set it', () => {
    const withMeta = (metadata: Record<string, unknown>, replicas: number) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'w', ...metadata },
      spec: { replicas },
    });
    const lastApplied = (spec: Record<string, unknown>) => ({
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ spec }) },
    });
    const fields = (manager: string, operation: string, fieldsV1: Record<string, unknown>) => ({
      managedFields: [{ manager, operation, fieldsV1 }],
    });
    const replicasOf = (o: ReturnType<typeof withMeta>) => (applied(cleanWorkloadDefaults, o).spec as { replicas?: number }).replicas;
    // kubectl apply of a manifest without replicas: the API server's default.
    expect(replicasOf(withMeta(lastApplied({ template: {} }), 1))).toBeUndefined();
    // ... with replicas: 1 in the manifest, or 3 set by the server's scale later: kept.
    expect(replicasOf(withMeta(lastApplied({ replicas: 1 }), 1))).toBe(1);
    expect(replicasOf(withMeta(lastApplied({ template: {} }), 3))).toBe(3);
    // Server-side apply that did not send replicas (kindling restore does that): nobody owns it.
    expect(replicasOf(withMeta(fields('kindling', 'Apply', { 'f:spec': { 'f:template': {} } }), 1))).toBeUndefined();
    expect(replicasOf(withMeta(fields('kindling', 'Apply', { 'f:spec': { 'f:replicas': {} } }), 1))).toBe(1);
    // kubectl create (an Update owns what was defaulted too), a file, a controller's status entry only: no evidence.
    expect(replicasOf(withMeta(fields('kubectl-create', 'Update', { 'f:spec': { 'f:replicas': {} } }), 1))).toBe(1);
    expect(replicasOf(withMeta({}, 1))).toBe(1);
    expect(replicasOf(withMeta(fields('kube-controller-manager', 'Update', { 'f:status': {} }), 1))).toBe(1);
  });

  it('StatefulSet and DaemonSet: removes their default policies and strategies', () => {
    const sts = workload('apps/v1', 'StatefulSet', {
      serviceName: 'db',
      podManagementPolicy: 'OrderedReady',
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(applied(cleanWorkloadDefaults, sts)).toEqual(workload('apps/v1', 'StatefulSet', { serviceName: 'db' }));
    const ds = workload('apps/v1', 'DaemonSet', {
      revisionHistoryLimit: 10,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    });
    expect(applied(cleanWorkloadDefaults, ds)).toEqual(workload('apps/v1', 'DaemonSet', {}));
    const onDelete = workload('apps/v1', 'DaemonSet', { updateStrategy: { type: 'OnDelete' } });
    expect(applied(cleanWorkloadDefaults, onDelete)).toEqual(onDelete);
  });

  it('Job: removes backoffLimit 6, NonIndexed, suspend false, the replacement policy, and completions/parallelism 1 together', () => {
    const live = workload('batch/v1', 'Job', {
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      completions: 1,
      parallelism: 1,
    });
    expect(applied(cleanWorkloadDefaults, live)).toEqual(workload('batch/v1', 'Job', {}));
    const queue = workload('batch/v1', 'Job', { parallelism: 1 });
    expect(applied(cleanWorkloadDefaults, queue)).toEqual(queue);
  });

  it('Job: keeps what another field makes meaningful (Indexed completions, the replacement policy beside a failure policy)', () => {
    const indexed = workload('batch/v1', 'Job', { completionMode: 'Indexed', completions: 1, parallelism: 1 });
    expect(applied(cleanWorkloadDefaults, indexed)).toEqual(indexed);
    const withPolicy = workload('batch/v1', 'Job', { podFailurePolicy: { rules: [] }, podReplacementPolicy: 'TerminatingOrFailed' });
    expect(applied(cleanWorkloadDefaults, withPolicy)).toEqual(withPolicy);
  });

  it('CronJob: removes its own defaults and the Job defaults in its job template', () => {
    const live = workload('batch/v1', 'CronJob', {
      schedule: '0 * * * *',
      concurrencyPolicy: 'Allow',
      failedJobsHistoryLimit: 1,
      successfulJobsHistoryLimit: 3,
      suspend: false,
      jobTemplate: { spec: { backoffLimit: 6, template: {} } },
    });
    expect(applied(cleanWorkloadDefaults, live)).toEqual(
      workload('batch/v1', 'CronJob', { schedule: '0 * * * *', jobTemplate: { spec: { template: {} } } }),
    );
  });

  it('leaves other kinds alone', () => {
    const other = workload('example.com/v1', 'Deployment', { revisionHistoryLimit: 10 });
    expect(applied(cleanWorkloadDefaults, other)).toEqual(other);
  });
});
