import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { storageClassCheck, storageClassNoDefault, storageClassUnmapped } from '../../../../src/export/report/storage-rules.js';
import { pvc } from '../rewrite/fixtures.js';
import { ruleContext } from './rule-context.js';

const fix = "promote again with --storage-class CLASS (or set the claim's storageClassName) naming a class the target has";

const statefulSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'shop' },
  spec: {
    volumeClaimTemplates: [
      { metadata: { name: 'data' }, spec: { storageClassName: 'standard' } },
      { metadata: { name: 'wal' }, spec: {} },
    ],
  },
};

describe('storageClassUnmapped', () => {
  it('an error per claim still naming a dev class, with the table reason', () => {
    expect(storageClassUnmapped(ruleContext(pvc('data', 'local-path'), { target: 'rke2' }))).toEqual([
      {
        severity: 'error',
        rule: 'storage-class-unmapped',
        message: 'claim asks for dev StorageClass local-path; RKE2 bundles no general-purpose provisioner and no default StorageClass',
        fix,
      },
    ]);
    expect(storageClassUnmapped(ruleContext(statefulSet, { target: 'kubeadm' }))[0]?.message).toBe(
      'volumeClaimTemplate data asks for dev StorageClass standard; kubeadm installs no StorageClass',
    );
  });

  it('nothing for mapped or user-chosen classes', () => {
    expect(storageClassUnmapped(ruleContext(pvc('data', 'standard-rwo')))).toEqual([]);
    expect(
      storageClassUnmapped(ruleContext(pvc('data', 'standard'), { target: 'kubeadm', options: { storageClass: 'standard' } })),
    ).toEqual([]);
  });
});

describe('storageClassNoDefault', () => {
  it('a warning for classless claims where the target marks no default', () => {
    expect(storageClassNoDefault(ruleContext(statefulSet, { target: 'eks' }))).toEqual([
      {
        severity: 'warning',
        rule: 'storage-class-no-default',
        message: 'volumeClaimTemplate wal names no StorageClass and the target may have no default class, so it can stay Pending',
        fix,
      },
    ]);
    expect(storageClassNoDefault(ruleContext(pvc('data'), { target: 'gke' }))).toEqual([]);
  });
});

describe('storageClassCheck', () => {
  it('info with the caveat of the mapped class', () => {
    const original = pvc('data', 'standard');
    expect(storageClassCheck(ruleContext(pvc('data', 'gp2'), { target: 'eks', original }))).toEqual([
      {
        severity: 'info',
        rule: 'storage-class-check',
        message:
          'claim: dev StorageClass standard replaced; gp2 is the in-tree class EKS creates (not default from 1.30); it provisions only with the EBS CSI add-on installed',
        fix: 'check that class on the target, or promote again with --storage-class naming another',
      },
    ]);
  });

  it('nothing without a caveat, with a user-chosen class, or for non-dev classes', () => {
    expect(storageClassCheck(ruleContext(pvc('data', 'standard-rwo'), { original: pvc('data', 'standard') }))).toEqual([]);
    expect(
      storageClassCheck(
        ruleContext(pvc('data', 'fast'), { target: 'eks', original: pvc('data', 'standard'), options: { storageClass: 'fast' } }),
      ),
    ).toEqual([]);
    expect(storageClassCheck(ruleContext(pvc('data', 'gp3'), { target: 'eks' }))).toEqual([]);
  });
});
