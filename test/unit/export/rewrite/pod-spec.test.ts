import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { containersOf, podSpecOf } from '../../../../src/export/rewrite/pod-spec.js';

const spec = { initContainers: [{ name: 'init' }], containers: [{ name: 'main' }, 'not-a-container', { name: 'side' }] };
const template = { template: { spec } };

describe('containersOf', () => {
  it.each([
    ['v1', 'Pod', spec, '/spec'],
    ['v1', 'ReplicationController', template, '/spec/template/spec'],
    ['apps/v1', 'Deployment', template, '/spec/template/spec'],
    ['apps/v1', 'StatefulSet', template, '/spec/template/spec'],
    ['apps/v1', 'DaemonSet', template, '/spec/template/spec'],
    ['apps/v1', 'ReplicaSet', template, '/spec/template/spec'],
    ['batch/v1', 'Job', template, '/spec/template/spec'],
    ['batch/v1', 'CronJob', { jobTemplate: { spec: template } }, '/spec/jobTemplate/spec/template/spec'],
  ])('%s %s: init containers first, pointers keep document indices', (apiVersion, kind, objectSpec, at) => {
    const o: KubeObject = { apiVersion, kind, metadata: { name: 'x' }, spec: objectSpec };
    expect(containersOf(o).map((c) => [c.container.name, c.pointer, c.init])).toEqual([
      ['init', `${at}/initContainers/0`, true],
      ['main', `${at}/containers/0`, false],
      ['side', `${at}/containers/2`, false],
    ]);
  });

  it('nothing for kinds without a pod spec, other groups, or a missing spec', () => {
    expect(containersOf({ apiVersion: 'example.com/v1', kind: 'Deployment', metadata: {}, spec: template })).toEqual([]);
    expect(containersOf({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: {} })).toEqual([]);
    expect(podSpecOf({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).toBeUndefined();
  });
});
