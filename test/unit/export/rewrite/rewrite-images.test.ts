import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { rewriteImages } from '../../../../src/export/rewrite/rewrite-images.js';
import { deployment } from './fixtures.js';

const cronJob: KubeObject = {
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'backup', namespace: 'shop' },
  spec: {
    schedule: '@daily',
    jobTemplate: { spec: { template: { spec: { containers: [{ name: 'backup', image: 'kind-registry:5000/backup:1' }] } } } },
  },
};

describe('rewriteImages', () => {
  const app = deployment(
    'web',
    [
      { name: 'web', image: 'localhost:5001/web:1.0', imagePullPolicy: 'Never' },
      { name: 'proxy', image: 'nginx:1.27', imagePullPolicy: 'Never' },
    ],
    { initContainers: [{ name: 'migrate', image: 'k3d-reg.localhost:12345/migrate:2' }] },
  );

  it('moves dev-registry images to imageRegistry and turns Never into IfNotPresent, init containers included', () => {
    expect(rewriteImages(app, { target: 'eks', options: { imageRegistry: 'ghcr.io/team' }, base: [] })).toEqual({
      ops: [
        { op: 'replace', path: '/spec/template/spec/initContainers/0/image', value: 'ghcr.io/team/migrate:2' },
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'ghcr.io/team/web:1.0' },
        { op: 'replace', path: '/spec/template/spec/containers/0/imagePullPolicy', value: 'IfNotPresent' },
        { op: 'replace', path: '/spec/template/spec/containers/1/imagePullPolicy', value: 'IfNotPresent' },
      ],
    });
  });

  it('leaves dev-registry images alone without imageRegistry (the report flags them) but still fixes the pull policy', () => {
    expect(rewriteImages(app, { target: 'gke', options: {}, base: [] })).toEqual({
      ops: [
        { op: 'replace', path: '/spec/template/spec/containers/0/imagePullPolicy', value: 'IfNotPresent' },
        { op: 'replace', path: '/spec/template/spec/containers/1/imagePullPolicy', value: 'IfNotPresent' },
      ],
    });
  });

  it('finds the pod spec of a CronJob', () => {
    expect(rewriteImages(cronJob, { target: 'aks', options: { imageRegistry: 'acr.io' }, base: [] }).ops).toEqual([
      { op: 'replace', path: '/spec/jobTemplate/spec/template/spec/containers/0/image', value: 'acr.io/backup:1' },
    ]);
  });

  it('ignores kinds without a pod spec', () => {
    const configMap: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { image: 'localhost:5001/a' } };
    expect(rewriteImages(configMap, { target: 'aks', options: { imageRegistry: 'acr.io' }, base: [] })).toEqual({ ops: [] });
  });
});
