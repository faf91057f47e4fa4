import { describe, expect, it } from 'vitest';
import { objectReadiness } from '../../../../src/api/harness/object-readiness.js';

const deployment = (status: Record<string, unknown>, replicas = 2, generation = 3) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', generation },
  spec: { replicas },
  status: { observedGeneration: 3, ...status },
});

describe('objectReadiness', () => {
  it('a missing object is not ready', () => {
    expect(objectReadiness(undefined)).toEqual({ ready: false, reason: 'not found' });
  });

  it('a Deployment: every replica available and updated, at the latest generation', () => {
    expect(objectReadiness(deployment({ availableReplicas: 2, updatedReplicas: 2 }))).toEqual({ ready: true });
    expect(objectReadiness(deployment({ availableReplicas: 1, updatedReplicas: 2 }))).toEqual({ ready: false, reason: '1/2 available' });
    expect(objectReadiness(deployment({ availableReplicas: 2, updatedReplicas: 1 }))).toEqual({ ready: false, reason: '1/2 updated' });
    expect(objectReadiness(deployment({ availableReplicas: 2, updatedReplicas: 2 }, 2, 4))).toMatchObject({ ready: false });
  });

  it('StatefulSets count ready replicas, DaemonSets ready pods of those scheduled', () => {
    const sts = { kind: 'StatefulSet', metadata: { name: 'db' }, spec: { replicas: 3 }, status: { readyReplicas: 2 } };
    expect(objectReadiness(sts)).toEqual({ ready: false, reason: '2/3 ready' });
    const ds = { kind: 'DaemonSet', metadata: { name: 'agent' }, status: { desiredNumberScheduled: 2, numberReady: 2 } };
    expect(objectReadiness(ds)).toEqual({ ready: true });
  });

  it('a Pod is ready when its Ready condition is True or it has succeeded; a failed one fails for good', () => {
    const pod = (status: Record<string, unknown>) => ({ kind: 'Pod', metadata: { name: 'p' }, status });
    expect(objectReadiness(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }))).toEqual({ ready: true });
    expect(objectReadiness(pod({ phase: 'Succeeded' }))).toEqual({ ready: true });
    expect(objectReadiness(pod({ phase: 'Pending' }))).toEqual({ ready: false, reason: 'phase Pending, not Ready' });
    expect(objectReadiness(pod({ phase: 'Failed', reason: 'Error' }))).toEqual({ ready: false, reason: 'failed: Error', failed: true });
  });

  it('a Job is ready once Complete; Failed fails for good', () => {
    const job = (conditions: unknown[]) => ({ kind: 'Job', metadata: { name: 'j' }, status: { conditions } });
    expect(objectReadiness(job([{ type: 'Complete', status: 'True' }]))).toEqual({ ready: true });
    expect(objectReadiness(job([]))).toEqual({ ready: false, reason: '0 succeeded, not Complete' });
    expect(objectReadiness(job([{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }]))).toEqual({
      ready: false,
      reason: 'failed: BackoffLimitExceeded',
      failed: true,
    });
  });

  it('CRDs must be Established; Namespaces Active; anything else is ready once it exists', () => {
    expect(objectReadiness({ kind: 'CustomResourceDefinition', metadata: { name: 'x' }, status: {} })).toMatchObject({ ready: false });
    expect(objectReadiness({ kind: 'Namespace', metadata: { name: 'x' }, status: { phase: 'Terminating' } })).toMatchObject({
      ready: false,
    });
    expect(objectReadiness({ kind: 'ConfigMap', metadata: { name: 'x' } })).toEqual({ ready: true });
  });
});
