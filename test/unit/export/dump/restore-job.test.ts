import { describe, expect, it } from 'vitest';
import type { ClaimVolume } from '../../../../src/export/dump/claim-volumes.js';
import { KIND_DATA_VOLUME } from './local-path.js';
import { RESTORE_IMAGE, restoreJob } from '../../../../src/export/dump/restore-job.js';
import { restoreJobFile, restoreJobName, volumeArchiveFile } from '../../../../src/export/dump/restore-names.js';

const VOLUME: ClaimVolume = KIND_DATA_VOLUME;

// A DNS subdomain of at most 63 characters: a valid Job name whose pods' job-name label is valid too.
const LABEL_SAFE_NAME = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

describe('restoreJob', () => {
  it('mounts the claim at /data and an emptyDir at /restore, runs once, and is as locked down as extraction allows', () => {
    expect(restoreJob(VOLUME)).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'kindling-restore-data', namespace: 'shop', labels: { 'dev.kindling.managed': 'true' } },
      spec: {
        backoffLimit: 0,
        ttlSecondsAfterFinished: 3600,
        template: {
          metadata: { labels: { 'dev.kindling.managed': 'true' } },
          spec: {
            restartPolicy: 'Never',
            automountServiceAccountToken: false,
            enableServiceLinks: false,
            securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
            containers: [
              {
                name: 'restore',
                image: 'busybox:1.36',
                imagePullPolicy: 'IfNotPresent',
                command: [
                  'sh',
                  '-c',
                  [
                    'set -eu',
                    'until [ -e /restore/done ]; do sleep 1; done',
                    'tar -x -z -f /restore/data.tar.gz -C /data --strip-components=1 --numeric-owner',
                    'echo "restored /restore/data.tar.gz into /data"',
                  ].join('\n'),
                ],
                resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '256Mi' } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  privileged: false,
                  readOnlyRootFilesystem: true,
                  runAsNonRoot: false,
                  runAsUser: 0,
                  runAsGroup: 0,
                  capabilities: { drop: ['ALL'], add: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID'] },
                },
                volumeMounts: [
                  { name: 'data', mountPath: '/data' },
                  { name: 'restore', mountPath: '/restore' },
                ],
              },
            ],
            volumes: [
              { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
              { name: 'restore', emptyDir: {} },
            ],
          },
        },
      },
    });
  });

  it('takes another image', () => {
    const spec = restoreJob(VOLUME, { image: 'registry.example.com/mirror/busybox:1.36.1' }).spec as {
      template: { spec: { containers: Array<{ image: string }> } };
    };
    expect(spec.template.spec.containers[0]!.image).toBe('registry.example.com/mirror/busybox:1.36.1');
    expect(RESTORE_IMAGE).toBe('busybox:1.36');
  });
});

describe('restoreJobName', () => {
  it('is kindling-restore-<claim> while that fits in 63 characters', () => {
    const claim = 'c'.repeat(63 - 'kindling-restore-'.length);
    expect(restoreJobName('data')).toBe('kindling-restore-data');
    expect(restoreJobName(claim)).toBe(`kindling-restore-${claim}`);
  });

  it('cuts a longer name to 63 characters ending in a hash of the claim: valid, stable, and distinct per claim', () => {
    const a = `postgres-data-${'x'.repeat(60)}-primary`;
    const b = `postgres-data-${'x'.repeat(60)}-replica`;
    const dotted = `${'a'.repeat(36)}.-.${'b'.repeat(40)}`;
    for (const claim of [a, b, dotted]) {
      const name = restoreJobName(claim);
      expect(name).toMatch(LABEL_SAFE_NAME);
      expect(name).toMatch(/^kindling-restore-.*-[0-9a-f]{8}$/);
      expect(restoreJobName(claim)).toBe(name);
    }
    expect(restoreJobName(a)).not.toBe(restoreJobName(b));
    expect(restoreJobName(dotted)).not.toMatch(/[.-]-[0-9a-f]{8}$/);
  });
});

describe('bundle paths', () => {
  it('one manifest and one archive per claim, by namespace', () => {
    expect(restoreJobFile(VOLUME)).toBe('restore-jobs/shop/data.yaml');
    expect(volumeArchiveFile(VOLUME)).toBe('volumes/shop/data.tar.gz');
  });
});
