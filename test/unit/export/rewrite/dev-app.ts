// A small dev app as a kind user would export it: local-path storage, an image from kind's local registry
// side-loaded with pullPolicy Never, a LoadBalancer Service and an nginx Ingress.
import type { KubeObject, SourcedObject } from '../../../../src/export/kube-object.js';
import { deployment, ingress, pvc, service, sourced } from './fixtures.js';

const localPath: KubeObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'local-path' },
  provisioner: 'rancher.io/local-path',
};

const settings: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'settings', namespace: 'shop' },
  data: { mode: 'prod' },
};

/** The dev app's objects, in document order. */
export function devApp(): SourcedObject[] {
  return [
    localPath,
    pvc('data', 'local-path'),
    deployment('web', [{ name: 'web', image: 'localhost:5001/web:1.0', imagePullPolicy: 'Never' }]),
    service('web', 'LoadBalancer'),
    ingress({ ingressClassName: 'nginx' }),
    settings,
  ].map((o, i) => sourced(o, i));
}
