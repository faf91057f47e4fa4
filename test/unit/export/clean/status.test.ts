import { describe, expect, it } from 'vitest';
import { cleanStatus } from '../../../../src/export/clean/status.js';
import { applied } from './apply-rule.js';

describe('cleanStatus', () => {
  it('removes status from any object, custom resources included', () => {
    const cr = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 }, status: { ready: true } };
    expect(applied(cleanStatus, cr)).toEqual({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 } });
  });

  it('removes `creationTimestamp: null` from a pod template, and the template metadata when nothing else was in it', () => {
    const deployment = (metadata: Record<string, unknown>) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template: { metadata, spec: { containers: [] } } },
    });
    expect(applied(cleanStatus, deployment({ creationTimestamp: null, labels: { app: 'web' } }))).toEqual(
      deployment({ labels: { app: 'web' } }),
    );
    expect(applied(cleanStatus, deployment({ creationTimestamp: null }))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template: { spec: { containers: [] } } },
    });
  });

  it("cleans a CronJob's job template and a StatefulSet's volume claim templates", () => {
    const cron = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'c' },
      spec: { jobTemplate: { metadata: { creationTimestamp: null }, spec: {} } },
    };
    expect(applied(cleanStatus, cron).spec).toEqual({ jobTemplate: { spec: {} } });
    const sts = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        volumeClaimTemplates: [
          { metadata: { name: 'data', creationTimestamp: null }, spec: { resources: {} }, status: { phase: 'Pending' } },
        ],
      },
      status: { replicas: 1 },
    };
    expect(applied(cleanStatus, sts)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { resources: {} } }] },
    });
  });

  it('leaves a non-null template timestamp alone (a user value, however odd)', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 't' },
      template: { metadata: { creationTimestamp: 'x' }, spec: {} },
    };
    expect(applied(cleanStatus, pod)).toEqual(pod);
  });
});
