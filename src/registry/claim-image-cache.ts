// Creates or reuses the one image cache container every cluster that asks for it shares, and records who
// uses it (registries/<name>.json, as for a local registry): `down` and `prune` remove it with its last user.
import type { Context } from '../context.js';
import { ConflictError, EnvironmentError } from '../errors.js';
import { LABEL_CACHE_UPSTREAM, LABEL_MANAGED } from '../labels.js';
import type { ImageCacheSpec } from '../model/cluster-spec.js';
import type { ContainerInfo } from '../runtime/docker-client.js';
import type { RegistryRecord } from '../state/state-store.js';
import { checkPublishes } from './claim-registry.js';
import { cacheHost, cacheRunSpec } from './image-cache.js';

/** A cache kindling runs serves one upstream: another one is a conflict, not a silent reuse. */
function checkUpstream(c: ContainerInfo, cache: ImageCacheSpec): void {
  const upstream = c.labels[LABEL_CACHE_UPSTREAM];
  if (c.labels[LABEL_MANAGED] === 'true' && upstream !== undefined && upstream !== cache.upstream) {
    throw new ConflictError(
      'image-cache-upstream',
      `image cache "${cache.name}" pulls through from ${upstream}, not ${cache.upstream}`,
      `use ${upstream}, or give this upstream its own cache: --set imageCache.name=NAME --set imageCache.hostPort=PORT`,
    );
  }
}

function password(ctx: Context, cache: ImageCacheSpec): string | undefined {
  if (cache.passwordEnv === undefined) return undefined;
  const value = ctx.env[cache.passwordEnv];
  if (value === undefined || value === '') {
    throw new EnvironmentError(
      'image-cache-password',
      `imageCache.passwordEnv names ${cache.passwordEnv}, which is not set`,
      `export ${cache.passwordEnv}=<the password of ${cache.username} at ${cache.upstream}>`,
    );
  }
  return value;
}

async function startCache(ctx: Context, cache: ImageCacheSpec, operationId: string): Promise<void> {
  const docker = await ctx.docker();
  if (!(await docker.imageExists(cache.image))) {
    throw new EnvironmentError(
      'registry-image-missing',
      `the image cache's image ${cache.image} is not in Docker`,
      `pull it first: docker pull ${cache.image}`,
    );
  }
  if (!(await ctx.portProbe.isFree(cache.listenAddress, cache.hostPort))) {
    throw new ConflictError(
      'port-in-use',
      `host port ${cache.listenAddress}:${cache.hostPort} for image cache "${cache.name}" is already in use`,
      'free it, or choose another with --set imageCache.hostPort=PORT',
    );
  }
  await docker.runContainer(cacheRunSpec(cache, operationId, password(ctx, cache)));
  ctx.logger.info(`started image cache ${cache.name} on ${cache.listenAddress}:${cache.hostPort}, pulling through from ${cache.upstream}`);
}

/** Makes sure the cache runs and lists `cluster` among its users. */
export async function claimImageCache(ctx: Context, cache: ImageCacheSpec, cluster: string, operationId: string): Promise<RegistryRecord> {
  const docker = await ctx.docker();
  const record = await ctx.store.updateRegistry(cache.name, async (current) => {
    const existing = await docker.findContainer(cache.name);
    if (existing) {
      checkUpstream(existing, cache);
      checkPublishes(existing, cache, 'imageCache.hostPort');
      if (existing.state !== 'running') await docker.startContainer(existing.id);
    } else {
      await startCache(ctx, cache, operationId);
    }
    // A container with kindling's labels but no record (a record lost, or removed by hand) is still kindling's.
    const theirs = existing !== undefined && !current && existing.labels[LABEL_MANAGED] !== 'true';
    const createdBy = theirs ? 'user' : (current?.createdBy ?? 'kindling');
    const users = [...new Set([...(current?.users ?? []), cluster])].sort();
    return { name: cache.name, image: cache.image, host: cacheHost(cache), createdBy, shared: current?.shared ?? false, users };
  });
  return record!;
}
