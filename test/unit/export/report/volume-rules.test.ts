import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { hostPathVolume } from '../../../../src/export/report/volume-rules.js';
import { deployment } from '../rewrite/fixtures.js';
import { ruleContext } from './rule-context.js';

describe('hostPathVolume', () => {
  it('an error per hostPath volume of a pod spec', () => {
    const o = deployment('web', [{ name: 'web', image: 'a:1' }], {
      volumes: [
        { name: 'logs', hostPath: { path: '/var/log' } },
        { name: 'tmp', emptyDir: {} },
      ],
    });
    expect(hostPathVolume(ruleContext(o))).toEqual([
      {
        severity: 'error',
        rule: 'hostpath-volume',
        message: 'volume logs mounts host path /var/log of whichever node runs the pod',
        fix: 'use a PersistentVolumeClaim (or emptyDir for scratch data) instead of hostPath',
      },
    ]);
  });

  it('an error for a hostPath PersistentVolume (what local-path provisions)', () => {
    const pv: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pvc-123' },
      spec: { hostPath: { path: '/var/local-path-provisioner/pvc-123' } },
    };
    expect(hostPathVolume(ruleContext(pv))).toEqual([
      {
        severity: 'error',
        rule: 'hostpath-volume',
        message: 'PersistentVolume is the host directory /var/local-path-provisioner/pvc-123 on a dev node',
        fix: 'drop the PersistentVolume, let its claim provision a volume on the target and copy the data (--with-state)',
      },
    ]);
  });
});
