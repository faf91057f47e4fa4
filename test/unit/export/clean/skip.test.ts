import { describe, expect, it } from 'vitest';
import { partitionSkipped, skipContext, skipReason } from '../../../../src/export/clean/skip.js';
import type { KubeObject } from '../../../../src/export/kube-object.js';

const obj = (apiVersion: string, kind: string, metadata: Record<string, unknown>, rest: Record<string, unknown> = {}): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name: 'x', ...metadata },
  ...rest,
});
const NO_CONTEXT = skipContext([]);
const reason = (o: KubeObject) => skipReason(o, NO_CONTEXT);
const OWNER = (kind: string, controller = true) => ({
  ownerReferences: [{ apiVersion: 'apps/v1', kind, name: 'web-7d9', uid: 'u', controller }],
});

describe('skipReason: kinds never exported', () => {
  it.each([
    ['v1', 'Node', 'Node: a node of the source cluster'],
    ['v1', 'Event', 'Event: cluster history, not configuration'],
    ['events.k8s.io/v1', 'Event', 'Event: cluster history, not configuration'],
    ['coordination.k8s.io/v1', 'Lease', 'Lease: leader-election and heartbeat state'],
    ['storage.k8s.io/v1', 'CSINode', "CSINode: a node's CSI drivers, written by the kubelet"],
    ['storage.k8s.io/v1', 'VolumeAttachment', 'VolumeAttachment: volume attachment state of the source nodes'],
    ['v1', 'ComponentStatus', 'ComponentStatus: a read-only health report'],
    ['apps/v1', 'ControllerRevision', 'ControllerRevision: revision history kept by its StatefulSet or DaemonSet'],
    ['velero.io/v1', 'Backup', "Backup: Velero's own bookkeeping"],
    [
      'networking.k8s.io/v1',
      'IPAddress',
      "IPAddress: a Service's cluster IP as the source API server allocated it; the target allocates its own",
    ],
  ])('%s %s', (apiVersion, kind, expected) => {
    expect(reason(obj(apiVersion, kind, {}))).toBe(expected);
  });

  it('keeps custom resources that share a name with a skipped kind', () => {
    expect(reason(obj('example.com/v1', 'Event', {}))).toBeUndefined();
    expect(reason(obj('example.com/v1', 'Node', {}))).toBeUndefined();
  });
});

describe('skipReason: the cluster’s own objects', () => {
  it.each(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'])('everything in %s', (namespace) => {
    expect(reason(obj('apps/v1', 'Deployment', { namespace }))).toBe(`in system namespace ${namespace}`);
  });

  it('the system Namespace objects and default, but not objects in default or other namespaces', () => {
    for (const name of ['default', 'kube-system', 'local-path-storage'])
      expect(reason(obj('v1', 'Namespace', { name }))).toBe('system namespace, present on every cluster');
    expect(reason(obj('v1', 'Namespace', { name: 'shop' }))).toBeUndefined();
    expect(reason(obj('v1', 'ConfigMap', { namespace: 'default' }))).toBeUndefined();
    expect(reason(obj('v1', 'ConfigMap', { namespace: 'kube-flannel' }))).toBeUndefined();
  });

  it('built-in RBAC: bootstrap label, system: and kubeadm: names, bindings of system service accounts only', () => {
    const rbac = 'rbac.authorization.k8s.io/v1';
    expect(reason(obj(rbac, 'ClusterRole', { name: 'admin', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } }))).toBe(
      'built-in RBAC, created by the API server or kubeadm',
    );
    expect(reason(obj(rbac, 'ClusterRole', { name: 'system:coredns' }))).toBe('built-in RBAC, created by the API server or kubeadm');
    expect(reason(obj(rbac, 'ClusterRoleBinding', { name: 'kubeadm:get-nodes' }))).toBe(
      'built-in RBAC, created by the API server or kubeadm',
    );
    const kindnet = obj(
      rbac,
      'ClusterRoleBinding',
      { name: 'kindnet' },
      { subjects: [{ kind: 'ServiceAccount', name: 'kindnet', namespace: 'kube-system' }] },
    );
    expect(reason(kindnet)).toBe('binds only service accounts in system namespaces');
    const mixed = obj(
      rbac,
      'ClusterRoleBinding',
      { name: 'app' },
      {
        subjects: [
          { kind: 'ServiceAccount', name: 'a', namespace: 'kube-system' },
          { kind: 'ServiceAccount', name: 'b', namespace: 'shop' },
        ],
      },
    );
    expect(reason(mixed)).toBeUndefined();
    expect(reason(obj(rbac, 'ClusterRole', { name: 'app-reader' }))).toBeUndefined();
  });

  it('per-namespace defaults: kube-root-ca.crt, an untouched default ServiceAccount, the kubernetes Service', () => {
    expect(reason(obj('v1', 'ConfigMap', { name: 'kube-root-ca.crt', namespace: 'shop' }))).toBe(
      'root CA bundle, published in every namespace by the cluster',
    );
    expect(reason(obj('v1', 'ServiceAccount', { name: 'default', namespace: 'shop' }))).toBe(
      'default ServiceAccount, created in every namespace by the cluster',
    );
    expect(
      reason(obj('v1', 'ServiceAccount', { name: 'default', namespace: 'shop' }, { imagePullSecrets: [{ name: 'regcred' }] })),
    ).toBeUndefined();
    expect(reason(obj('v1', 'Service', { name: 'kubernetes', namespace: 'default' }))).toBe("the API server's own Service");
    expect(reason(obj('v1', 'Service', { name: 'kubernetes', namespace: 'shop' }))).toBeUndefined();
  });

  it('built-in API registrations, priority classes and flow control', () => {
    expect(
      reason(
        obj('apiregistration.k8s.io/v1', 'APIService', {
          name: 'v1.apps',
          labels: { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' },
        }),
      ),
    ).toBe('built-in API group registration');
    expect(reason(obj('apiregistration.k8s.io/v1', 'APIService', { name: 'v1beta1.metrics.k8s.io' }))).toBeUndefined();
    expect(reason(obj('scheduling.k8s.io/v1', 'PriorityClass', { name: 'system-node-critical' }))).toBe('built-in priority class');
    expect(reason(obj('scheduling.k8s.io/v1', 'PriorityClass', { name: 'high' }))).toBeUndefined();
    expect(
      reason(obj('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', { annotations: { 'apf.kubernetes.io/autoupdate-spec': 'true' } })),
    ).toBe('built-in API priority and fairness configuration');
    expect(reason(obj('networking.k8s.io/v1', 'ServiceCIDR', { name: 'kubernetes' }))).toBe(
      "the API server's default service range (its --service-cluster-ip-range)",
    );
    expect(reason(obj('networking.k8s.io/v1', 'ServiceCIDR', { name: 'extra-range' }))).toBeUndefined();
    // What Kubernetes v1.37's API server publishes by itself; a bundle of the user's own signer stays.
    const bundle = (name: string, signerName: string) =>
      obj('certificates.k8s.io/v1', 'ClusterTrustBundle', { name }, { spec: { signerName, trustBundle: '...' } });
    expect(reason(bundle('kubernetes.io:kube-apiserver-serving:3f8d6cd0', 'kubernetes.io/kube-apiserver-serving'))).toBe(
      "trust bundle of Kubernetes' own signer kubernetes.io/kube-apiserver-serving, published by the cluster",
    );
    expect(reason(bundle('example.com:mesh:1', 'example.com/mesh'))).toBeUndefined();
  });

  it("the dev engines' add-ons: local-path storage, k3s packaged components, Helm releases in kube-system", () => {
    expect(reason(obj('storage.k8s.io/v1', 'StorageClass', { name: 'standard' }, { provisioner: 'rancher.io/local-path' }))).toBe(
      "the dev cluster's local-path storage class; claims are mapped to the target's class",
    );
    expect(reason(obj('storage.k8s.io/v1', 'StorageClass', { name: 'fast' }, { provisioner: 'ebs.csi.aws.com' }))).toBeUndefined();
    const k3s = {
      'objectset.rio.cattle.io/owner-gvk': 'k3s.cattle.io/v1, Kind=Addon',
      'objectset.rio.cattle.io/owner-name': 'local-storage',
    };
    expect(reason(obj('rbac.authorization.k8s.io/v1', 'ClusterRole', { name: 'local-path-provisioner-role', annotations: k3s }))).toBe(
      'k3s packaged component (local-storage)',
    );
    const helm = { 'meta.helm.sh/release-name': 'traefik-crd', 'meta.helm.sh/release-namespace': 'kube-system' };
    expect(
      reason(obj('apiextensions.k8s.io/v1', 'CustomResourceDefinition', { name: 'ingressroutes.traefik.io', annotations: helm })),
    ).toBe('installed by Helm release traefik-crd in kube-system');
    expect(reason(obj('v1', 'ConfigMap', { annotations: { ...helm, 'meta.helm.sh/release-namespace': 'shop' } }))).toBeUndefined();
  });
});

describe('skipReason: what the target creates again', () => {
  it('objects with a controller owner, but not claims, nor objects with a non-controller owner', () => {
    expect(reason(obj('v1', 'Pod', OWNER('ReplicaSet')))).toBe('created by its controller ReplicaSet/web-7d9');
    expect(reason(obj('apps/v1', 'ReplicaSet', OWNER('Deployment')))).toBe('created by its controller Deployment/web-7d9');
    expect(reason(obj('batch/v1', 'Job', OWNER('CronJob')))).toBe('created by its controller CronJob/web-7d9');
    expect(reason(obj('discovery.k8s.io/v1', 'EndpointSlice', OWNER('Service')))).toBe('created by its controller Service/web-7d9');
    expect(reason(obj('v1', 'PersistentVolumeClaim', OWNER('StatefulSet')))).toBeUndefined();
    expect(reason(obj('v1', 'ConfigMap', OWNER('Deployment', false)))).toBeUndefined();
  });

  it('Endpoints, unless a selector-less Service of the same name is exported with them', () => {
    const endpoints = obj('v1', 'Endpoints', { name: 'db', namespace: 'shop' });
    expect(reason(endpoints)).toBe('Endpoints of a Service with a selector, written by the endpoints controller');
    const external = obj('v1', 'Service', { name: 'db', namespace: 'shop' }, { spec: { ports: [{ port: 5432 }] } });
    expect(skipReason(endpoints, skipContext([external]))).toBeUndefined();
    const selected = obj('v1', 'Service', { name: 'db', namespace: 'shop' }, { spec: { selector: { app: 'db' } } });
    expect(skipReason(endpoints, skipContext([selected]))).toBeDefined();
  });

  it('mirror Pods, generated token Secrets and dynamically provisioned volumes', () => {
    expect(reason(obj('v1', 'Pod', { annotations: { 'kubernetes.io/config.mirror': 'abc' } }))).toBe(
      'mirror of a static Pod, created by the kubelet',
    );
    const token = (name: string) =>
      obj(
        'v1',
        'Secret',
        { name, annotations: { 'kubernetes.io/service-account.name': 'web' } },
        { type: 'kubernetes.io/service-account-token' },
      );
    expect(reason(token('web-token-4xk2p'))).toBe('service-account token generated by the cluster');
    expect(reason(token('web-long-lived'))).toBeUndefined();
    expect(reason(obj('v1', 'PersistentVolume', { annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' } }))).toBe(
      'dynamically provisioned; its claim provisions a new volume on the target',
    );
    expect(reason(obj('v1', 'PersistentVolume', {}))).toBeUndefined();
  });
});

describe('partitionSkipped', () => {
  it('keeps order, and gives each skipped object its origin and reason', () => {
    const at = (document: number) => ({ file: 'live.yaml', document });
    const input = [
      { object: obj('v1', 'Service', { name: 'db' }, { spec: { ports: [] } }), origin: at(0) },
      { object: obj('v1', 'Endpoints', { name: 'db' }), origin: at(1) },
      { object: obj('v1', 'Endpoints', { name: 'web' }), origin: at(2) },
      { object: obj('v1', 'Event', {}), origin: { cluster: 'dev' } },
    ];
    const { kept, skipped } = partitionSkipped(input);
    expect(kept).toEqual([input[0], input[1]]);
    expect(skipped).toEqual([
      { ...input[2], reason: 'Endpoints of a Service with a selector, written by the endpoints controller' },
      { ...input[3], reason: 'Event: cluster history, not configuration' },
    ]);
  });
});
