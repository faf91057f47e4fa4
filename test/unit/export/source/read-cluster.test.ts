import { describe, expect, it } from 'vitest';
import { skippedKind } from '../../../../src/export/clean/skip-kinds.js';
import { isPromotable, NEVER_LISTED, readClusterObjects, resourceId } from '../../../../src/export/source/read-cluster.js';
import { discoveryIncompleteError, type ApiResource } from '../../../../src/runtime/kube-api.js';
import { ALL_VERBS, apiError, FakeKubeApi } from '../../../support/unit/fake-kube-api.js';
import { rejection } from '../../../support/unit/thrown.js';

const resource = (
  apiVersion: string,
  kind: string,
  plural: string,
  verbs: readonly string[] = ALL_VERBS,
  namespaced = true,
): ApiResource => ({
  apiVersion,
  kind,
  resource: plural,
  namespaced,
  verbs: [...verbs],
});

const obj = (apiVersion: string, kind: string, name: string, namespace?: string, extra: Record<string, unknown> = {}) => ({
  apiVersion,
  kind,
  metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
  ...extra,
});

/** What discovery says about a small cluster: what promotion reads, and what it must not ask for. */
const DISCOVERY: ApiResource[] = [
  resource('v1', 'ConfigMap', 'configmaps'),
  resource('v1', 'Secret', 'secrets'),
  resource('v1', 'Endpoints', 'endpoints'),
  resource('v1', 'Namespace', 'namespaces', ALL_VERBS, false),
  resource('v1', 'Event', 'events'),
  resource('v1', 'Node', 'nodes', ALL_VERBS, false),
  resource('v1', 'ComponentStatus', 'componentstatuses', ['get', 'list'], false),
  resource('v1', 'Binding', 'bindings', ['create']),
  resource('apps/v1', 'Deployment', 'deployments'),
  resource('apps/v1', 'ControllerRevision', 'controllerrevisions'),
  resource('events.k8s.io/v1', 'Event', 'events'),
  resource('coordination.k8s.io/v1', 'Lease', 'leases'),
  resource('storage.k8s.io/v1', 'CSINode', 'csinodes', ALL_VERBS, false),
  resource('storage.k8s.io/v1', 'VolumeAttachment', 'volumeattachments', ALL_VERBS, false),
  resource('storage.k8s.io/v1', 'StorageClass', 'storageclasses', ALL_VERBS, false),
  resource('discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices'),
  resource('authentication.k8s.io/v1', 'TokenReview', 'tokenreviews', ['create'], false),
  resource('apiregistration.k8s.io/v1', 'APIService', 'apiservices', ALL_VERBS, false),
  resource('metrics.k8s.io/v1beta1', 'PodMetrics', 'pods', ['get', 'list']),
  resource('example.com/v1', 'Widget', 'widgets'),
];

function cluster(): FakeKubeApi {
  const api = new FakeKubeApi();
  api.discovery = DISCOVERY;
  return api;
}

describe('readClusterObjects: which resources it lists', () => {
  it('lists every resource that can be listed and created, in resource order, and nothing else', async () => {
    const api = cluster();
    await readClusterObjects(api, 'dev');
    expect(api.reads).toEqual([
      'list apiregistration.k8s.io/v1 APIService',
      'list v1 ConfigMap',
      'list apps/v1 Deployment',
      'list v1 Endpoints',
      'list discovery.k8s.io/v1 EndpointSlice',
      'list v1 Namespace',
      'list v1 Secret',
      'list storage.k8s.io/v1 StorageClass',
      'list example.com/v1 Widget',
    ]);
  });

  it('never asks for events, leases, nodes, CSI nodes, volume attachments, component statuses or controller revisions', async () => {
    const api = cluster();
    await readClusterObjects(api, 'dev');
    for (const kind of ['Event', 'Lease', 'Node', 'CSINode', 'VolumeAttachment', 'ComponentStatus', 'ControllerRevision']) {
      expect(api.reads.filter((r) => r.endsWith(` ${kind}`))).toEqual([]);
    }
  });

  it('leaves out read-only views (metrics) and resources without a list verb (bindings, reviews)', () => {
    expect(isPromotable(resource('metrics.k8s.io/v1beta1', 'PodMetrics', 'pods', ['get', 'list']))).toBe(false);
    expect(isPromotable(resource('v1', 'Binding', 'bindings', ['create']))).toBe(false);
    expect(isPromotable(resource('authorization.k8s.io/v1', 'SubjectAccessReview', 'subjectaccessreviews', ['create']))).toBe(false);
    expect(isPromotable(resource('v1', 'ConfigMap', 'configmaps'))).toBe(true);
  });

  it('names resources as kubectl does: plural.group, or the plural alone in the core group', () => {
    expect(resourceId({ apiVersion: 'apps/v1', resource: 'deployments' })).toBe('deployments.apps');
    expect(resourceId({ apiVersion: 'v1', resource: 'pods' })).toBe('pods');
  });

  it('only leaves out resources whose every object the skip rules drop anyway (promotion.md 4.5)', () => {
    const kinds: Record<string, [string, string]> = {
      events: ['v1', 'Event'],
      'events.events.k8s.io': ['events.k8s.io/v1', 'Event'],
      'leases.coordination.k8s.io': ['coordination.k8s.io/v1', 'Lease'],
      nodes: ['v1', 'Node'],
      'csinodes.storage.k8s.io': ['storage.k8s.io/v1', 'CSINode'],
      'volumeattachments.storage.k8s.io': ['storage.k8s.io/v1', 'VolumeAttachment'],
      componentstatuses: ['v1', 'ComponentStatus'],
      'controllerrevisions.apps': ['apps/v1', 'ControllerRevision'],
      'ipaddresses.networking.k8s.io': ['networking.k8s.io/v1', 'IPAddress'],
    };
    expect([...NEVER_LISTED].sort()).toEqual(Object.keys(kinds).sort());
    for (const [apiVersion, kind] of Object.values(kinds)) expect(skippedKind(obj(apiVersion, kind, 'x'))).toBeDefined();
    expect(NEVER_LISTED.has('endpoints')).toBe(false);
    expect(NEVER_LISTED.has('endpointslices.discovery.k8s.io')).toBe(false);
  });
});

describe('readClusterObjects: what it returns', () => {
  it('returns objects ordered by resource, then namespace and name, each with origin { cluster }', async () => {
    const api = cluster().seed(
      obj('v1', 'Secret', 'b', 'shop'),
      obj('apps/v1', 'Deployment', 'web', 'shop'),
      obj('v1', 'ConfigMap', 'z', 'a-team'),
      obj('v1', 'Secret', 'a', 'shop'),
      obj('v1', 'ConfigMap', 'a', 'shop'),
      obj('v1', 'Namespace', 'shop'),
      obj('v1', 'ConfigMap', 'b', 'a-team'),
    );
    const read = await readClusterObjects(api, 'dev');
    expect(read.objects.map((s) => `${s.object.kind} ${s.object.metadata.namespace ?? ''}/${s.object.metadata.name}`)).toEqual([
      'ConfigMap a-team/b',
      'ConfigMap a-team/z',
      'ConfigMap shop/a',
      'Deployment shop/web',
      'Namespace /shop',
      'Secret shop/a',
      'Secret shop/b',
    ]);
    expect(new Set(read.objects.map((s) => JSON.stringify(s.origin)))).toEqual(new Set([JSON.stringify({ cluster: 'dev' })]));
    expect(read.skippedResources).toEqual([]);
  });

  it('gives the same answer however concurrent lists finish', async () => {
    const api = cluster().seed(obj('v1', 'ConfigMap', 'a', 'x'), obj('example.com/v1', 'Widget', 'w', 'x'), obj('v1', 'Secret', 's', 'x'));
    const first = await readClusterObjects(api, 'dev');
    const list = api.list.bind(api);
    const delays: Record<string, number> = { ConfigMap: 30, Widget: 0, Secret: 10 };
    api.list = async (apiVersion, kind) => {
      await new Promise((r) => setTimeout(r, delays[kind] ?? 0));
      return list(apiVersion, kind);
    };
    expect(await readClusterObjects(api, 'dev')).toEqual(first);
  });

  it('sets apiVersion and kind on items that lack them, and keeps everything else as listed', async () => {
    const api = cluster();
    api.discovery = [resource('apps/v1', 'Deployment', 'deployments')];
    api.list = async () => [
      {
        metadata: { name: 'web', namespace: 'shop', managedFields: [{ manager: 'kubectl' }] },
        spec: { replicas: 2 },
        status: { readyReplicas: 2 },
      },
    ];
    const read = await readClusterObjects(api, 'dev');
    expect(read.objects).toEqual([
      {
        object: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'web', namespace: 'shop', managedFields: [{ manager: 'kubectl' }] },
          spec: { replicas: 2 },
          status: { readyReplicas: 2 },
        },
        origin: { cluster: 'dev' },
      },
    ]);
    expect(Object.keys(read.objects[0]!.object).slice(0, 2)).toEqual(['apiVersion', 'kind']);
  });

  it('applies no skip or clean rule: system namespaces and status come back as the cluster has them', async () => {
    const api = cluster().seed(
      obj('v1', 'ConfigMap', 'kube-root-ca.crt', 'kube-system'),
      obj('v1', 'Namespace', 'kube-system', undefined, { status: { phase: 'Active' } }),
    );
    const read = await readClusterObjects(api, 'dev');
    expect(read.objects.map((s) => s.object)).toEqual([
      obj('v1', 'ConfigMap', 'kube-root-ca.crt', 'kube-system'),
      obj('v1', 'Namespace', 'kube-system', undefined, { status: { phase: 'Active' } }),
    ]);
  });
});

describe('readClusterObjects: resources it cannot read', () => {
  it('records a forbidden, vanished, unlistable or unavailable resource with its reason and reads the rest', async () => {
    const api = cluster().seed(obj('v1', 'ConfigMap', 'a', 'x'), obj('v1', 'Secret', 's', 'x'));
    api.listErrors.set('v1 Secret', apiError(403, 'secrets is forbidden: User "dev" cannot list resource "secrets"'));
    api.listErrors.set('example.com/v1 Widget', apiError(404, 'the server could not find the requested resource'));
    api.listErrors.set('v1 Endpoints', apiError(405, 'method not allowed'));
    api.listErrors.set('apiregistration.k8s.io/v1 APIService', apiError(503, 'service unavailable'));
    const read = await readClusterObjects(api, 'dev');
    expect(read.objects.map((s) => s.object.metadata.name)).toEqual(['a']);
    expect(read.skippedResources).toEqual([
      { resource: 'apiservices.apiregistration.k8s.io', reason: expect.stringContaining('(HTTP 503: service unavailable)') },
      { resource: 'endpoints', reason: 'the server does not allow listing it (HTTP 405: method not allowed)' },
      { resource: 'secrets', reason: 'not allowed to list it (HTTP 403: secrets is forbidden: User "dev" cannot list resource "secrets")' },
      {
        resource: 'widgets.example.com',
        reason: 'no longer served (removed during the read?) (HTTP 404: the server could not find the requested resource)',
      },
    ]);
  });

  it('fails the read on any other error: a server error, a timeout', async () => {
    const api = cluster();
    api.listErrors.set('v1 Secret', apiError(500, 'etcdserver: request timed out'));
    expect((await rejection(readClusterObjects(api, 'dev'))).message).toMatch(/HTTP-Code: 500/);
    api.listErrors.set('v1 Secret', new Error('GET /api/v1/secrets: no answer within 5000 ms'));
    expect((await rejection(readClusterObjects(api, 'dev'))).message).toMatch(/no answer/);
  });

  it('reads what discovery found when some groups did not answer, and records those groups', async () => {
    const api = new FakeKubeApi().seed(obj('v1', 'ConfigMap', 'a', 'x'));
    api.discovery = discoveryIncompleteError(
      [resource('v1', 'ConfigMap', 'configmaps')],
      [{ groupVersion: 'metrics.k8s.io/v1beta1', reason: 'HTTP 503: service unavailable' }],
    );
    const read = await readClusterObjects(api, 'dev');
    expect(read.objects.map((s) => s.object.metadata.name)).toEqual(['a']);
    expect(read.skippedResources).toEqual([
      { resource: 'metrics.k8s.io/v1beta1', reason: 'API discovery failed: HTTP 503: service unavailable' },
    ]);
  });

  it('fails when discovery itself fails', async () => {
    const api = new FakeKubeApi();
    api.discovery = new Error('connect ECONNREFUSED 127.0.0.1:6443');
    expect((await rejection(readClusterObjects(api, 'dev'))).message).toMatch(/ECONNREFUSED/);
  });
});

describe('readClusterObjects: concurrency', () => {
  it('has at most 4 lists in flight, and reads every resource', async () => {
    const api = new FakeKubeApi();
    api.discovery = Array.from({ length: 12 }, (_, i) => resource('example.com/v1', `Kind${String(i).padStart(2, '0')}`, `kinds${i}`));
    let inFlight = 0;
    let most = 0;
    const asked: string[] = [];
    api.list = async (_apiVersion, kind) => {
      asked.push(kind);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return [];
    };
    await readClusterObjects(api, 'dev');
    expect(most).toBe(4);
    expect(asked.sort()).toEqual(api.discovery.map((r) => r.kind).sort());
  });

  it('derives discovery from the fake API objects when a test does not set it', async () => {
    const api = new FakeKubeApi().seed(obj('v1', 'ConfigMap', 'a', 'x'), obj('rbac.authorization.k8s.io/v1', 'ClusterRole', 'r'));
    expect(await api.resources()).toEqual([
      resource('v1', 'ConfigMap', 'configmaps'),
      { ...resource('rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles'), namespaced: false },
    ]);
    expect((await readClusterObjects(api, 'dev')).objects.map((s) => s.object.metadata.name)).toEqual(['r', 'a']);
  });
});
