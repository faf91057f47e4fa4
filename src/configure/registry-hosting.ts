// The local-registry-hosting ConfigMap of KEP-1755: tells tools (Tilt, Skaffold, ko) where to push images
// so that the cluster's nodes can pull them.
import type { ClusterSpec } from '../model/cluster-spec.js';

/** The ConfigMap in kube-public for the spec's registry. */
export function registryHostingConfigMap(r: NonNullable<ClusterSpec['registry']>): Record<string, unknown> {
  const body = [
    `host: "${r.host}"`,
    `hostFromContainerRuntime: "${r.host}"`,
    `hostFromClusterNetwork: "${r.name}:5000"`,
    'help: "https://github.com/kubernetes/enhancements/tree/master/keps/sig-cluster-lifecycle/generic/1755-communicating-a-local-registry"',
  ].join('\n');
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'local-registry-hosting', namespace: 'kube-public' },
    data: { 'localRegistryHosting.v1': `${body}\n` },
  };
}
