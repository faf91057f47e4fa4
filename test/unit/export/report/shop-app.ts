// The hand-written app behind the golden REPORT.md: a web front end built locally and pushed to kind's registry,
// an API that is already production-shaped (except for a fixed UID), a claim on local-path, a LoadBalancer, an
// nginx Ingress with an nginx-only annotation, and a Secret.
import type { KubeObject, SourcedObject } from '../../../../src/export/kube-object.js';
import { deployment, ingress, pvc, service } from '../rewrite/fixtures.js';

const probe = { httpGet: { path: '/healthz', port: 8080 } };

const api = deployment(
  'api',
  [
    {
      name: 'api',
      image: 'ghcr.io/acme/api:2.3.1',
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
      readinessProbe: probe,
      livenessProbe: probe,
      securityContext: {
        runAsUser: 1000,
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        seccompProfile: { type: 'RuntimeDefault' },
      },
    },
  ],
  {},
  2,
);

const apiBudget: KubeObject = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'api', namespace: 'shop' },
  spec: { minAvailable: 1, selector: { matchLabels: { app: 'api' } } },
};

const web = deployment('web', [{ name: 'web', image: 'localhost:5001/web:latest', imagePullPolicy: 'Never' }], {
  volumes: [{ name: 'cache', hostPath: { path: '/tmp/web-cache' } }],
});

const dbSecret: KubeObject = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'shop' },
  type: 'Opaque',
  data: { password: 'c2VjcmV0' },
};

const localPath: KubeObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'local-path' },
  provisioner: 'rancher.io/local-path',
};

/** The shop app, as if read from `shop.yaml`. */
export function shopApp(): SourcedObject[] {
  return [
    localPath,
    pvc('data', 'local-path'),
    dbSecret,
    api,
    apiBudget,
    web,
    service('web', 'LoadBalancer'),
    ingress({ ingressClassName: 'nginx' }, { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' }),
  ].map((object, document) => ({ object, origin: { file: 'shop.yaml', document } }));
}
