// The shared image cache's container, as data: Distribution's registry:2 in proxy mode (a pull-through cache,
// REGISTRY_PROXY_REMOTEURL) in front of one upstream, on 127.0.0.1. Pure.
import { LABEL_CACHE_UPSTREAM, registryLabels } from '../labels.js';
import type { ImageCacheSpec } from '../model/cluster-spec.js';
import type { RunSpec } from '../runtime/docker-client.js';

/** The container that serves a cache; `password` is the upstream's (read from `passwordEnv`, never stored). */
export function cacheRunSpec(cache: ImageCacheSpec, operationId: string, password?: string): RunSpec {
  const credentials =
    cache.username !== undefined ? [`REGISTRY_PROXY_USERNAME=${cache.username}`, `REGISTRY_PROXY_PASSWORD=${password ?? ''}`] : [];
  return {
    name: cache.name,
    image: cache.image,
    labels: { ...registryLabels(cache.name, operationId), [LABEL_CACHE_UPSTREAM]: cache.upstream },
    publish: [{ containerPort: 5000, hostIp: cache.listenAddress, hostPort: cache.hostPort }],
    restart: 'always',
    env: [`REGISTRY_PROXY_REMOTEURL=${cache.upstream}`, ...credentials],
  };
}

/** The host address of the cache from the host (`localhost:5050`): `docker pull localhost:5050/library/nginx`. */
export function cacheHost(cache: Pick<ImageCacheSpec, 'hostPort'>): string {
  return `localhost:${cache.hostPort}`;
}

/** The registry host a cache mirrors by default: Docker Hub's images are named docker.io/..., any other
 * upstream's by its own host[:port]. */
export function defaultMirrorOf(upstream: string): string {
  const url = new URL(upstream);
  return url.hostname === 'registry-1.docker.io' || url.hostname === 'index.docker.io' ? 'docker.io' : url.host;
}
