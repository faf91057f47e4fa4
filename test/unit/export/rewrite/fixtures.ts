// Small hand-written objects for the rewrite and report tests: a dev app as kind or k3d would run it.
import type { KubeObject, SourcedObject } from '../../../../src/export/kube-object.js';

/** An object with its origin in a made-up `app.yaml`. */
export function sourced(object: KubeObject, document = 0): SourcedObject {
  return { object, origin: { file: 'app.yaml', document } };
}

/** A Deployment in namespace `shop` with the given containers (and optional pod-level fields). */
export function deployment(
  name: string,
  containers: Record<string, unknown>[],
  pod: Record<string, unknown> = {},
  replicas?: number,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { ...pod, containers } },
    },
  };
}

/** A PVC in namespace `shop`, with a storageClassName when given. */
export function pvc(name: string, storageClassName?: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'shop' },
    spec: {
      accessModes: ['ReadWriteOnce'],
      ...(storageClassName === undefined ? {} : { storageClassName }),
      resources: { requests: { storage: '1Gi' } },
    },
  };
}

/** A Service in namespace `shop` of the given type, one port named http (80 -> 8080). */
export function service(name: string, type: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'shop' },
    spec: { type, selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080, ...extra }] },
  };
}

/** An Ingress in namespace `shop` sending host shop.example.com / to Service `web` port 80. */
export function ingress(spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop', ...(annotations === undefined ? {} : { annotations }) },
    spec: {
      ...spec,
      rules: [
        {
          host: 'shop.example.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
        },
      ],
    },
  };
}
