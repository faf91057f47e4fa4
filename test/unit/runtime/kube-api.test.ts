// The client-node KubeApi against a small local HTTP stand-in for an API server: discovery and paged lists.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiFailure, clientNodeKubeApi, incompleteDiscovery, type KubeApi } from '../../../src/runtime/kube-api.js';
import { rejection } from '../../support/unit/thrown.js';

const RW = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const status = (code: number, message: string) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, message });

/** Answers by path and query; anything else is a 404 Status. */
const ROUTES: Record<string, { code?: number; body: unknown }> = {
  '/api/v1': {
    body: {
      kind: 'APIResourceList',
      groupVersion: 'v1',
      resources: [
        { name: 'pods', kind: 'Pod', namespaced: true, verbs: RW },
        { name: 'pods/log', kind: 'Pod', namespaced: true, verbs: ['get'] },
        { name: 'bindings', kind: 'Binding', namespaced: true, verbs: ['create'] },
        { name: 'namespaces', kind: 'Namespace', namespaced: false, verbs: RW },
      ],
    },
  },
  '/apis': {
    body: {
      kind: 'APIGroupList',
      groups: [
        {
          name: 'apps',
          versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
          preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
        },
        {
          name: 'autoscaling',
          versions: [
            { groupVersion: 'autoscaling/v2', version: 'v2' },
            { groupVersion: 'autoscaling/v1', version: 'v1' },
          ],
          preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
        },
        {
          name: 'metrics.k8s.io',
          versions: [{ groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' }],
          preferredVersion: { groupVersion: 'metrics.k8s.io/v1beta1', version: 'v1beta1' },
        },
      ],
    },
  },
  '/apis/apps/v1': {
    body: {
      kind: 'APIResourceList',
      groupVersion: 'apps/v1',
      resources: [
        { name: 'deployments', kind: 'Deployment', namespaced: true, verbs: RW },
        {
          name: 'deployments/scale',
          kind: 'Scale',
          group: 'autoscaling',
          version: 'v1',
          namespaced: true,
          verbs: ['get', 'patch', 'update'],
        },
      ],
    },
  },
  '/apis/autoscaling/v2': {
    body: {
      kind: 'APIResourceList',
      groupVersion: 'autoscaling/v2',
      resources: [{ name: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, verbs: RW }],
    },
  },
  '/apis/metrics.k8s.io/v1beta1': { code: 503, body: status(503, 'service unavailable') },
  '/api/v1/pods?limit=500': {
    body: {
      kind: 'PodList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '100', continue: 'page-2' },
      items: [
        { metadata: { name: 'a', namespace: 'shop', creationTimestamp: '2026-01-01T00:00:00Z' }, spec: { futureField: { kept: true } } },
        { metadata: { name: 'b', namespace: 'shop' }, spec: {} },
      ],
    },
  },
  '/api/v1/pods?limit=500&continue=page-2': {
    body: {
      kind: 'PodList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '100' },
      items: [{ metadata: { name: 'c', namespace: 'web' } }],
    },
  },
  '/apis/apps/v1/deployments?limit=500': {
    code: 403,
    body: status(403, 'deployments.apps is forbidden: User "dev" cannot list resource "deployments"'),
  },
};

let server: Server;
let api: KubeApi;
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const route = ROUTES[req.url ?? ''] ?? { code: 404, body: status(404, 'the server could not find the requested resource') };
    res.writeHead(route.code ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(route.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const kubeconfig = [
    'apiVersion: v1',
    'kind: Config',
    `clusters: [{name: local, cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}}]`,
    'users: [{name: dev, user: {token: secret}}]',
    'contexts: [{name: local, context: {cluster: local, user: dev}}]',
    'current-context: local',
  ].join('\n');
  api = await clientNodeKubeApi(kubeconfig, 5_000);
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  asked.length = 0;
});

describe('clientNodeKubeApi: resources()', () => {
  it('reads the preferred version of each group, core v1 included, without subresources; a group that does not answer is reported with the rest', async () => {
    const partial = incompleteDiscovery(await rejection(api.resources()));
    expect(partial?.resources).toEqual([
      { apiVersion: 'v1', kind: 'Pod', resource: 'pods', namespaced: true, verbs: RW },
      { apiVersion: 'v1', kind: 'Binding', resource: 'bindings', namespaced: true, verbs: ['create'] },
      { apiVersion: 'v1', kind: 'Namespace', resource: 'namespaces', namespaced: false, verbs: RW },
      { apiVersion: 'apps/v1', kind: 'Deployment', resource: 'deployments', namespaced: true, verbs: RW },
      { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers', namespaced: true, verbs: RW },
    ]);
    expect(partial?.failures).toEqual([{ groupVersion: 'metrics.k8s.io/v1beta1', reason: 'HTTP 503: service unavailable' }]);
    expect(asked.sort()).toEqual(['/api/v1', '/apis', '/apis/apps/v1', '/apis/autoscaling/v2', '/apis/metrics.k8s.io/v1beta1']);
  });
});

describe('clientNodeKubeApi: list()', () => {
  it('reads every page, sets apiVersion and kind on each item, and keeps the JSON as sent', async () => {
    const pods = await api.list('v1', 'Pod');
    expect(pods).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'a', namespace: 'shop', creationTimestamp: '2026-01-01T00:00:00Z' },
        spec: { futureField: { kept: true } },
      },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b', namespace: 'shop' }, spec: {} },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'c', namespace: 'web' } },
    ]);
    expect(asked.filter((u) => u.startsWith('/api/v1/pods'))).toEqual(['/api/v1/pods?limit=500', '/api/v1/pods?limit=500&continue=page-2']);
  });

  it('rejects with the status and the server message when the list is refused', async () => {
    const err = await rejection(api.list('apps/v1', 'Deployment'));
    expect(apiFailure(err)).toEqual({
      status: 403,
      message: 'deployments.apps is forbidden: User "dev" cannot list resource "deployments"',
    });
  });

  it('rejects with 404 for a kind its group version does not serve', async () => {
    expect(apiFailure(await rejection(api.list('apps/v1', 'Gadget')))?.status).toBe(404);
    expect(apiFailure(await rejection(api.list('example.com/v1', 'Widget')))?.status).toBe(404);
  });
});

describe('apiFailure', () => {
  it('is undefined for errors without an HTTP status (timeouts, refused connections)', () => {
    expect(apiFailure(new Error('GET /api/v1: no answer within 5000 ms'))).toBeUndefined();
    expect(apiFailure(undefined)).toBeUndefined();
  });

  it('reads the Status message whether client-node parsed the body or left it as JSON text', () => {
    const status = { kind: 'Status', message: 'Service "web" is invalid: spec.ports: Required value', code: 422 };
    expect(apiFailure(Object.assign(new Error('x'), { code: 422, body: status }))).toEqual({ status: 422, message: status.message });
    expect(apiFailure(Object.assign(new Error('x'), { code: 422, body: JSON.stringify(status) }))).toEqual({
      status: 422,
      message: status.message,
    });
    expect(apiFailure(Object.assign(new Error('x'), { code: 503, body: 'service unavailable' }))).toEqual({
      status: 503,
      message: 'service unavailable',
    });
    expect(apiFailure(Object.assign(new Error('x'), { code: 500, body: '' }))).toEqual({ status: 500, message: 'HTTP 500' });
    expect(apiFailure(new Error('ECONNREFUSED'))).toBeUndefined();
  });
});
