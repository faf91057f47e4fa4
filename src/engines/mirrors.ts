// Where a cluster's nodes send pulls: the local registry (pulls of localhost:PORT/..., and of the hosts whose
// images were preloaded into it), then the shared image cache (pulls of docker.io/... or another mirrored host),
// written as each engine's nodes read them:
// containerd's certs.d/<host>/hosts.toml on kind (containerd docs/hosts.md), k3s's registries.yaml `mirrors:`
// on k3d (k3d's registries.config). Pure.
import type { ClusterSpec } from '../model/cluster-spec.js';

/** One registry host whose pulls go elsewhere first. */
export interface Mirror {
  /** The registry host image references name: `docker.io`, `localhost:5001`. */
  host: string;
  /** Where pulls go, tried in order: `http://<container>:5000` on the nodes' network. */
  endpoints: string[];
  /** The host's own registry, tried after the endpoints (hosts.toml `server`); absent for a local registry. */
  server?: string;
  /** Pull-only endpoints (a cache in proxy mode refuses pushes). */
  pullOnly: boolean;
}

/** How a node reaches a registry container: by name on the cluster's Docker network, plain HTTP. */
export function containerEndpoint(container: string): string {
  return `http://${container}:5000`;
}

/** A registry host's own API: Docker Hub's images (docker.io/...) are served by registry-1.docker.io. */
export function ownRegistry(host: string): string {
  return host === 'docker.io' ? 'https://registry-1.docker.io' : `https://${host}`;
}

/** The mirrors a spec asks for: its local registry (for its own host, then for each host whose images were
 * preloaded into it), then its image cache; one entry per host. */
export function mirrorsOf(spec: Pick<ClusterSpec, 'registry' | 'imageCache'>): Mirror[] {
  const out: Mirror[] = [];
  const registry = spec.registry;
  if (registry) {
    out.push({ host: registry.host, endpoints: [containerEndpoint(registry.name)], pullOnly: false });
    for (const host of registry.mirrors ?? []) {
      // The host's own registry stays the fallback for images not preloaded.
      if (host !== registry.host)
        out.push({ host, endpoints: [containerEndpoint(registry.name)], server: ownRegistry(host), pullOnly: true });
    }
  }
  const cache = spec.imageCache;
  if (cache) {
    const same = out.find((m) => m.host === cache.mirrorOf);
    if (same) {
      // The local registry answers for the same host: it is tried first, the cache after it.
      same.endpoints.push(containerEndpoint(cache.name));
      same.server = cache.upstream;
    } else {
      out.push({ host: cache.mirrorOf, endpoints: [containerEndpoint(cache.name)], server: cache.upstream, pullOnly: true });
    }
  }
  return out;
}

/** containerd's certs.d folder for a mirrored host. */
export function hostsDir(mirror: Pick<Mirror, 'host'>): string {
  return `/etc/containerd/certs.d/${mirror.host}`;
}

/** certs.d/<host>/hosts.toml: `server` is the host's own registry (omitted for a local one), each `[host]`
 * a mirror tried before it, in order; a pull-only mirror gets capabilities pull and resolve. */
export function hostsToml(mirror: Mirror): string {
  const server = mirror.server ? [`server = "${mirror.server.replace(/\/$/, '')}"`, ''] : [];
  const hosts = mirror.endpoints.flatMap((e, i) => [
    ...(i > 0 ? [''] : []),
    `[host."${e}"]`,
    ...(mirror.pullOnly ? ['  capabilities = ["pull", "resolve"]'] : []),
  ]);
  return `${[...server, ...hosts].join('\n')}\n`;
}

/** k3s's registries.yaml: each mirrored host and its endpoints (k3s falls back to the host's own registry). */
export function registriesYaml(mirrors: readonly Mirror[]): string {
  const lines = ['mirrors:'];
  for (const m of mirrors) {
    lines.push(`  "${m.host}":`, '    endpoint:', ...m.endpoints.map((e) => `      - ${e}`));
  }
  return `${lines.join('\n')}\n`;
}
