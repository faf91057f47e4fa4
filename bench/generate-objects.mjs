// `generateObjects`: a seeded, deterministic stand-in for what `kindling promote NAME` reads from a busy k3d dev
// cluster. User namespaces hold Deployments (with Services, Ingresses, some claims), StatefulSets and CronJobs,
// with the live noise promote must clean; what it must skip comes along (ReplicaSets, Pods, Jobs, Endpoints,
// ControllerRevisions, Events, default ServiceAccounts, root CA ConfigMaps, Secrets, kube-system, Nodes, Leases,
// built-in RBAC). Exactly `total` objects, as SourcedObjects from a cluster.
import { cronApp, deploymentApp, statefulApp } from './generate-apps.mjs';
import { applied, created, event } from './live-noise.mjs';
import { seededRandom } from './seeded-random.mjs';

const TEAMS = ['shop', 'billing', 'search', 'identity', 'media', 'ledger', 'notify', 'catalog', 'orders', 'edge'];
const APP_NAMES = ['web', 'api', 'cart', 'checkout', 'gateway', 'auth', 'render', 'indexer', 'feed', 'mailer', 'thumbnailer', 'quotes'];
// The mix of applications in each namespace, in turn: mostly Deployments, some StatefulSets and CronJobs.
const MIX = ['web', 'web', 'api', 'stateful', 'web', 'cron', 'worker', 'web', 'api', 'cron'];

function namespaceScaffold(ns, r) {
  const namespace = applied(
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns, team: ns.split('-')[0] } } },
    r,
    { status: { phase: 'Active' }, statusManager: 'k3s' },
  );
  const labels = { 'app.kubernetes.io/part-of': ns };
  return [
    namespace,
    created({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } }, r, 'k3s'),
    created(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': 'Contains a CA bundle...' } },
        data: { 'ca.crt': `-----BEGIN CERTIFICATE-----\n${r.hex(64)}\n-----END CERTIFICATE-----\n` },
      },
      r,
      'k3s',
    ),
    applied(
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: `${ns}-credentials`, namespace: ns, labels },
        type: 'Opaque',
        data: { password: Buffer.from(r.hex(16)).toString('base64') },
      },
      r,
    ),
    applied(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'reader', namespace: ns, labels },
        rules: [{ apiGroups: [''], resources: ['configmaps', 'pods'], verbs: ['get', 'list', 'watch'] }],
      },
      r,
    ),
    applied(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: { name: 'reader', namespace: ns, labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
        subjects: [{ kind: 'Group', name: `${ns}-team`, apiGroup: 'rbac.authorization.k8s.io' }],
      },
      r,
    ),
  ];
}

/** Exactly `budget` objects of one user namespace: its scaffolding, then applications in the MIX order. */
function namespaceObjects(ns, budget, r) {
  const objects = namespaceScaffold(ns, r);
  for (let i = 0; objects.length < budget; i++) {
    const kind = MIX[i % MIX.length];
    const name = `${APP_NAMES[(i + ns.length) % APP_NAMES.length]}-${i}`;
    if (kind === 'stateful') objects.push(...statefulApp(ns, name, r));
    else if (kind === 'cron') objects.push(...cronApp(ns, name, r));
    else objects.push(...deploymentApp(ns, name, r, { worker: kind === 'worker', loadBalancer: kind === 'api' }));
  }
  return objects.slice(0, budget);
}

// What the cluster itself holds, in turn until the count is reached: all of it skipped by promote.
const SYSTEM = [
  (k, r) =>
    created(
      {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: `k3d-dev-agent-${k}`, labels: { 'kubernetes.io/hostname': `k3d-dev-agent-${k}` } },
        spec: { podCIDR: `10.42.${k}.0/24` },
        status: { capacity: { cpu: '8', memory: '16Gi', pods: '110' } },
      },
      r,
      'k3s',
    ),
  (k, r) =>
    created(
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: `k3d-dev-agent-${k}`, namespace: 'kube-node-lease' },
        spec: { holderIdentity: `k3d-dev-agent-${k}`, leaseDurationSeconds: 40, renewTime: `${r.time().slice(0, -1)}.000000Z` },
      },
      r,
      'k3s',
    ),
  (k, r) =>
    applied(
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: `coredns-custom-${k}`,
          namespace: 'kube-system',
          annotations: {
            'objectset.rio.cattle.io/owner-gvk': 'k3s.cattle.io/v1, Kind=Addon',
            'objectset.rio.cattle.io/owner-name': 'coredns',
          },
        },
        data: { Corefile: '.:53 {\n  forward . /etc/resolv.conf\n}\n' },
      },
      r,
    ),
  (k, r) => deploymentApp('kube-system', `addon-${k}`, r, { worker: true })[2],
  (k, r) =>
    created(
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: `system:controller:bench-${k}`, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }],
      },
      r,
      'k3s',
    ),
  (k, r) => {
    const about = created({ apiVersion: 'v1', kind: 'Node', metadata: { name: `k3d-dev-server-${k}` } }, r, 'k3s');
    return event(about, r, 'NodeReady', `Node k3d-dev-server-${k} status is now: NodeReady`, 'kubelet');
  },
];

/** `total` objects of a live dev cluster (seeded: same arguments, same objects), `namespaces` of them user namespaces. */
export function generateObjects({ total = 10_000, namespaces = 100, seed = 1 } = {}) {
  const r = seededRandom(seed);
  const perNamespace = Math.floor((total * 0.97) / namespaces);
  const objects = [];
  for (let n = 0; n < namespaces; n++)
    objects.push(...namespaceObjects(`${TEAMS[n % TEAMS.length]}-${String(n).padStart(3, '0')}`, perNamespace, r));
  for (let k = 0; objects.length < total; k++) objects.push(SYSTEM[k % SYSTEM.length](Math.floor(k / SYSTEM.length), r));
  return objects.slice(0, total).map((object) => ({ object, origin: { cluster: 'bench' } }));
}
