// OpenShift's native exposure (promotion.md 1.6 "Ingress"): one route.openshift.io/v1 Route per Ingress rule path,
// built the way the ingress-to-route controller would, for users who asked for Routes instead of Ingresses.
import type { KubeObject } from '../kube-object.js';
import { isRecord, valueAt } from './value-at.js';

interface Backend {
  host?: string;
  path?: string;
  service: string;
  port: { name?: string; number?: number };
}

/** The Routes that replace an Ingress; TLS hosts get edge termination with the router's certificate. */
export function routesForIngress(ingress: KubeObject, base: readonly KubeObject[]): KubeObject[] {
  const backends = backendsOf(ingress);
  const tlsHosts = tlsHostsOf(ingress);
  const name = ingress.metadata.name ?? '';
  return backends.map((b, i) => ({
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: {
      name: backends.length === 1 ? name : `${name}-${i}`,
      ...(ingress.metadata.namespace === undefined ? {} : { namespace: ingress.metadata.namespace }),
      ...(ingress.metadata.labels === undefined ? {} : { labels: { ...ingress.metadata.labels } }),
    },
    spec: {
      ...(b.host === undefined ? {} : { host: b.host }),
      ...(b.path === undefined ? {} : { path: b.path }),
      to: { kind: 'Service', name: b.service, weight: 100 },
      ...portOf(b, ingress.metadata.namespace, base),
      ...(tlsHosts.has(b.host ?? '') || tlsHosts.has('*')
        ? { tls: { termination: 'edge', insecureEdgeTerminationPolicy: 'Redirect' } }
        : {}),
    },
  }));
}

function backendsOf(ingress: KubeObject): Backend[] {
  const fallback = serviceBackend(valueAt(ingress, ['spec', 'defaultBackend']), undefined, undefined);
  const rules = valueAt(ingress, ['spec', 'rules']);
  const fromRules = (Array.isArray(rules) ? rules : []).flatMap((rule: unknown) => {
    const host = stringAt(rule, ['host']);
    const paths = valueAt(rule, ['http', 'paths']);
    return (Array.isArray(paths) ? paths : []).flatMap((p: unknown) =>
      serviceBackend(valueAt(p, ['backend']), host, stringAt(p, ['path'])),
    );
  });
  return [...fromRules, ...fallback];
}

function serviceBackend(backend: unknown, host: string | undefined, path: string | undefined): Backend[] {
  const service = stringAt(backend, ['service', 'name']);
  if (service === undefined) return [];
  const name = stringAt(backend, ['service', 'port', 'name']);
  const number = valueAt(backend, ['service', 'port', 'number']);
  const port = { ...(name === undefined ? {} : { name }), ...(typeof number === 'number' ? { number } : {}) };
  return [{ ...(host === undefined ? {} : { host }), ...(path === undefined ? {} : { path }), service, port }];
}

// Routes name the pods' port: a named Service port is also the endpoint port's name; an unnamed one resolves to its
// targetPort. An unknown Service leaves `port` out, so the router uses the Service's endpoints as they come.
function portOf(b: Backend, namespace: string | undefined, base: readonly KubeObject[]): { port?: { targetPort: string | number } } {
  const service = base.find(
    (o) => o.kind === 'Service' && o.apiVersion === 'v1' && o.metadata.name === b.service && o.metadata.namespace === namespace,
  );
  const ports = valueAt(service, ['spec', 'ports']);
  const match = (Array.isArray(ports) ? ports : []).find(
    (p: unknown) => isRecord(p) && (b.port.name === undefined ? p['port'] === b.port.number : p['name'] === b.port.name),
  ) as Record<string, unknown> | undefined;
  const targetPort = match === undefined ? b.port.name : (match['name'] ?? match['targetPort'] ?? match['port']);
  return typeof targetPort === 'string' || typeof targetPort === 'number' ? { port: { targetPort } } : {};
}

function tlsHostsOf(ingress: KubeObject): Set<string> {
  const tls = valueAt(ingress, ['spec', 'tls']);
  return new Set(
    (Array.isArray(tls) ? tls : []).flatMap((entry: unknown) => {
      const hosts = valueAt(entry, ['hosts']);
      return Array.isArray(hosts) && hosts.length > 0 ? hosts.filter((h): h is string => typeof h === 'string') : ['*'];
    }),
  );
}

function stringAt(root: unknown, path: readonly string[]): string | undefined {
  const value = valueAt(root, path);
  return typeof value === 'string' ? value : undefined;
}
