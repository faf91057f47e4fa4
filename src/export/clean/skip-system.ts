// What every cluster creates for itself, or what the dev cluster runs as its own plumbing (promotion.md 4.5): the
// system namespaces and everything in them, bootstrap RBAC and API registrations, the per-namespace root CA
// ConfigMap and default ServiceAccount, and the add-ons kind and k3d install (local-path storage, k3s packaged
// components, Helm releases living in kube-system).
import { apiGroup, type KubeObject } from '../kube-object.js';
import { mapsIn } from './nested-maps.js';

/** Namespaces whose contents belong to the cluster or the dev engine, never to the user's workloads. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

const RBAC_KINDS = new Set(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);

function inSystemNamespace(o: KubeObject): string | undefined {
  const ns = o.metadata.namespace;
  if (ns !== undefined && SYSTEM_NAMESPACES.has(ns)) return `in system namespace ${ns}`;
  if (
    apiGroup(o.apiVersion) === '' &&
    o.kind === 'Namespace' &&
    (o.metadata.name === 'default' || SYSTEM_NAMESPACES.has(o.metadata.name ?? ''))
  ) {
    return 'system namespace, present on every cluster';
  }
  return undefined;
}

function builtInRbac(o: KubeObject): string | undefined {
  if (apiGroup(o.apiVersion) !== 'rbac.authorization.k8s.io' || !RBAC_KINDS.has(o.kind)) return undefined;
  const name = o.metadata.name ?? '';
  const bootstrap = o.metadata.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults';
  if (bootstrap || name.startsWith('system:') || name.startsWith('kubeadm:')) return 'built-in RBAC, created by the API server or kubeadm';
  const subjects = mapsIn(o.subjects);
  if (o.kind === 'ClusterRoleBinding' && subjects.length > 0 && subjects.every((s) => SYSTEM_NAMESPACES.has(String(s.namespace)))) {
    return 'binds only service accounts in system namespaces';
  }
  return undefined;
}

function perNamespaceDefault(o: KubeObject): string | undefined {
  if (apiGroup(o.apiVersion) !== '') return undefined;
  const { name } = o.metadata;
  if (o.kind === 'ConfigMap' && name === 'kube-root-ca.crt') return 'root CA bundle, published in every namespace by the cluster';
  if (
    o.kind === 'ServiceAccount' &&
    name === 'default' &&
    o.imagePullSecrets === undefined &&
    o.automountServiceAccountToken === undefined
  ) {
    return 'default ServiceAccount, created in every namespace by the cluster';
  }
  if (o.kind === 'Service' && name === 'kubernetes' && o.metadata.namespace === 'default') return "the API server's own Service";
  return undefined;
}

function builtInApi(o: KubeObject): string | undefined {
  const group = apiGroup(o.apiVersion);
  const { labels = {}, annotations = {} } = o.metadata;
  if (o.kind === 'APIService' && labels['kube-aggregator.kubernetes.io/automanaged'] !== undefined)
    return 'built-in API group registration';
  if (group === 'scheduling.k8s.io' && o.kind === 'PriorityClass' && (o.metadata.name ?? '').startsWith('system-'))
    return 'built-in priority class';
  if (group === 'flowcontrol.apiserver.k8s.io' && annotations['apf.kubernetes.io/autoupdate-spec'] === 'true')
    return 'built-in API priority and fairness configuration';
  if (group === 'networking.k8s.io' && o.kind === 'ServiceCIDR' && o.metadata.name === 'kubernetes')
    return "the API server's default service range (its --service-cluster-ip-range)";
  // Kubernetes v1.37's API server publishes its serving CA as kubernetes.io:kube-apiserver-serving:<hash>; the
  // kubernetes.io/ signer names are reserved for Kubernetes' own signers.
  const signer = (o.spec as { signerName?: unknown } | undefined)?.signerName;
  if (
    group === 'certificates.k8s.io' &&
    o.kind === 'ClusterTrustBundle' &&
    typeof signer === 'string' &&
    signer.startsWith('kubernetes.io/')
  )
    return `trust bundle of Kubernetes' own signer ${signer}, published by the cluster`;
  return undefined;
}

function devAddOn(o: KubeObject): string | undefined {
  const { annotations = {} } = o.metadata;
  if (o.kind === 'StorageClass' && o.provisioner === 'rancher.io/local-path')
    return "the dev cluster's local-path storage class; claims are mapped to the target's class";
  const owner = annotations['objectset.rio.cattle.io/owner-gvk'];
  if (typeof owner === 'string' && owner.endsWith('Kind=Addon'))
    return `k3s packaged component (${annotations['objectset.rio.cattle.io/owner-name'] ?? 'addon'})`;
  const release = annotations['meta.helm.sh/release-namespace'];
  if (release !== undefined && SYSTEM_NAMESPACES.has(release))
    return `installed by Helm release ${annotations['meta.helm.sh/release-name'] ?? '?'} in ${release}`;
  return undefined;
}

/** Why an object belongs to the cluster rather than to the user's workloads; undefined if it does not. */
export function skippedAsSystem(o: KubeObject): string | undefined {
  for (const rule of [inSystemNamespace, builtInRbac, perNamespaceDefault, builtInApi, devAddOn]) {
    const reason = rule(o);
    if (reason !== undefined) return reason;
  }
  return undefined;
}
