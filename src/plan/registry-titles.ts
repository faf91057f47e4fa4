// The titles of up's registry steps, which cover the cluster's local registry and its shared image cache. Pure.
import { hostsDir, mirrorsOf } from '../engines/mirrors.js';
import { registryContainers, type ClusterSpec } from '../model/cluster-spec.js';

/** ensure-registry: what runs (or is reused), where, from which image; the cache with its upstream. */
export function ensureRegistryTitle(spec: ClusterSpec): string {
  const { registry, imageCache: cache } = spec;
  const parts = [
    ...(registry ? [`registry ${registry.name} on ${registry.listenAddress}:${registry.hostPort} (${registry.image})`] : []),
    ...(cache
      ? [`image cache ${cache.name} on ${cache.listenAddress}:${cache.hostPort} (${cache.image}, pull-through from ${cache.upstream})`]
      : []),
  ];
  return parts.length ? `Run (or reuse) ${parts.join(' and ')}` : '';
}

/** connect-registry: which containers join the nodes' network, and on kind which hosts.toml files are written. */
export function connectRegistryTitle(spec: ClusterSpec): string {
  const names = registryContainers(spec);
  if (names.length === 0) return '';
  const files = mirrorsOf(spec).map((m) => `${hostsDir(m).slice('/etc/containerd/certs.d/'.length)}`);
  const what = names.length === 1 ? `registry ${names[0]}` : `registries ${names.join(', ')}`;
  const kind = spec.engine === 'kind' ? ` and write containerd's hosts.toml for ${files.join(', ')} on every node` : '';
  return `Connect ${what} to the nodes' network${kind}`;
}
