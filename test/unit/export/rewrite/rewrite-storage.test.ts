import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import type { RewriteOptions } from '../../../../src/export/rewrite/rewrite-context.js';
import { rewriteStorage } from '../../../../src/export/rewrite/rewrite-storage.js';
import { TARGET_NAMES, type TargetName } from '../../../../src/export/targets/index.js';
import { pvc } from './fixtures.js';

const run = (o: KubeObject, target: TargetName, options: RewriteOptions = {}) => rewriteStorage(o, { target, options, base: [] });
const classPath = '/spec/storageClassName';

const statefulSet: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'shop' },
  spec: {
    volumeClaimTemplates: [
      { metadata: { name: 'data' }, spec: { storageClassName: 'local-path' } },
      { metadata: { name: 'logs' }, spec: { storageClassName: 'fast-ssd' } },
      { metadata: { name: 'scratch' }, spec: { storageClassName: 'microk8s-hostpath' } },
    ],
  },
};

describe('rewriteStorage: dev class names in claims (promotion.md 2.1)', () => {
  it.each([
    ['kops', 'kops-csi-1-21'],
    ['eks', 'gp2'],
    ['gke', 'standard-rwo'],
    ['aks', 'managed-csi'],
  ] as const)('%s renames standard to %s', (target, className) => {
    expect(run(pvc('data', 'standard'), target)).toEqual({ ops: [{ op: 'replace', path: classPath, value: className }] });
  });

  it('openshift drops the class so the platform default applies', () => {
    expect(run(pvc('data', 'hostpath'), 'openshift')).toEqual({ ops: [{ op: 'remove', path: classPath }] });
  });

  it.each(['kubeadm', 'rke2', 'rancher', 'tanzu', 'capi'] as const)('%s has no mapping: the claim is left for the report', (target) => {
    expect(run(pvc('data', 'local-path'), target)).toEqual({ ops: [] });
  });

  it('the storageClass option wins on every target', () => {
    for (const target of TARGET_NAMES) {
      expect(run(pvc('data', 'local-path'), target, { storageClass: 'fast' })).toEqual({
        ops: [{ op: 'replace', path: classPath, value: 'fast' }],
      });
    }
  });

  it('leaves claims without a class or with a non-dev class', () => {
    expect(run(pvc('data'), 'gke')).toEqual({ ops: [] });
    expect(run(pvc('data', 'premium-rwo'), 'gke')).toEqual({ ops: [] });
  });

  it('maps each StatefulSet volumeClaimTemplate on its own', () => {
    expect(run(statefulSet, 'gke')).toEqual({
      ops: [
        { op: 'replace', path: '/spec/volumeClaimTemplates/0/spec/storageClassName', value: 'standard-rwo' },
        { op: 'replace', path: '/spec/volumeClaimTemplates/2/spec/storageClassName', value: 'standard-rwo' },
      ],
    });
  });
});

describe('rewriteStorage: dev StorageClass objects', () => {
  const storageClass = (provisioner: string): KubeObject => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard' },
    provisioner,
  });

  it('drops a class whose provisioner makes hostPath volumes', () => {
    expect(run(storageClass('rancher.io/local-path'), 'eks')).toEqual({ ops: [], drop: true });
    expect(run(storageClass('microk8s.io/hostpath'), 'eks')).toEqual({ ops: [], drop: true });
  });

  it('keeps a class with a real provisioner, whatever its name', () => {
    expect(run(storageClass('ebs.csi.aws.com'), 'eks')).toEqual({ ops: [] });
  });
});
