// `load`: puts local images into a cluster's nodes. Through the engine's own loader, or, when Docker keeps
// images in the containerd image store (where `kind load` and `k3d image import` fail: kind#3795,
// k3d#1538), by pushing them to the cluster's registry.
import { EnvironmentError, InvalidInputError, NotFoundError } from '../errors.js';
import { registryRef } from '../registry/image-ref.js';
import { createContext } from './create-context.js';
import type { CommonOptions, Context } from '../context.js';

/** Options of `load`. */
export interface LoadOptions extends CommonOptions {
  name: string;
  images: readonly string[];
}

/** How the images got in, and the reference pods use for each. */
export interface LoadResult {
  name: string;
  via: 'engine' | 'registry';
  images: { image: string; ref: string }[];
}

async function checkImages(ctx: Context, images: readonly string[]): Promise<void> {
  const docker = await ctx.docker();
  for (const image of images) {
    if (!(await docker.imageExists(image)))
      throw new NotFoundError('image', `image ${image} is not in the local Docker`, `build it or pull it first (docker pull ${image})`);
  }
}

async function viaRegistry(
  ctx: Context,
  name: string,
  registry: { host: string } | undefined,
  images: readonly string[],
): Promise<LoadResult> {
  if (!registry) {
    throw new EnvironmentError(
      'containerd-image-store',
      `Docker uses the containerd image store, where the engines' image loaders fail (kind#3795, k3d#1538), and cluster "${name}" has no registry`,
      `re-create it with \`kindling up --registry\`, then run \`kindling load ${name} ${images.join(' ')}\` again`,
    );
  }
  const docker = await ctx.docker();
  const out: LoadResult['images'] = [];
  for (const image of images) {
    const ref = registryRef(image, registry.host);
    await docker.tagImage(image, ref);
    try {
      await docker.pushImage(ref);
    } catch (err) {
      throw new EnvironmentError(
        'registry-push',
        `could not push ${ref}: ${(err as Error).message}`,
        `check that the registry runs: docker ps --filter name=${registry.host}`,
      );
    }
    out.push({ image, ref });
  }
  return { name, via: 'registry', images: out };
}

/** Loads the images; throws NotFoundError for an unknown cluster or a missing image. */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  if (opts.images.length === 0)
    throw new InvalidInputError('name at least one image to load', `for example: kindling load ${opts.name} myapp:dev`);
  const ctx = createContext(opts);
  const stored = await ctx.store.readSpec(opts.name);
  if (!stored)
    throw new NotFoundError('cluster', `no cluster named "${opts.name}" in the state store (${ctx.store.location})`, 'see `kindling list`');
  await checkImages(ctx, opts.images);
  const { spec } = stored;
  if (await (await ctx.docker()).usesContainerdImageStore()) return viaRegistry(ctx, opts.name, spec.registry, opts.images);
  await (await ctx.engine(spec.engine)).loadImages(opts.name, opts.images);
  return { name: opts.name, via: 'engine', images: opts.images.map((image) => ({ image, ref: image })) };
}
