// `load`: puts local images where a cluster's nodes get them. Three ways, per image:
// - mirror: the cluster's registry serves the image's registry host (images preloaded for a workshop): the image
//   is pushed there under its own path (library/nginx:1.27) and pods keep its own name; every cluster sharing
//   the registry is served by one push, on either image store;
// - registry: Docker keeps images in the containerd image store, where `kind load` and `k3d image import` fail
//   (kind#3795, k3d#1538): pushed to the cluster's registry under the registry's name (localhost:5001/app:1);
// - engine: the engine's own loader copies it into every node.
import { EnvironmentError, InvalidInputError, NotFoundError } from '../errors.js';
import { imageParts, mirroredRef, registryRef } from '../registry/image-ref.js';
import { createContext } from './create-context.js';
import type { CommonOptions, Context } from '../context.js';

/** Options of `load`. */
export interface LoadOptions extends CommonOptions {
  name: string;
  images: readonly string[];
  /** Pushes made (or under way) in this process, by Docker endpoint, reference and image: a workshop passes one
   * map for all its clusters, so an image its clusters share through one registry is pushed once per engine. */
  pushes?: Map<string, Promise<void>>;
}

/** How one image got in. */
export type LoadVia = 'engine' | 'registry' | 'mirror';

/** How the images got in, and the reference pods use for each. `via` is the way of the images not mirrored
 * (or `mirror` when every image was). */
export interface LoadResult {
  name: string;
  via: LoadVia;
  images: { image: string; ref: string; via: LoadVia }[];
}

async function checkImages(ctx: Context, images: readonly string[]): Promise<void> {
  const docker = await ctx.docker();
  for (const image of images) {
    if (!(await docker.imageExists(image)))
      throw new NotFoundError('image', `image ${image} is not in the local Docker`, `build it or pull it first (docker pull ${image})`);
  }
}

/** Tags and pushes `image` as `ref`, once per Docker endpoint for a given `pushes` map. */
async function push(ctx: Context, image: string, ref: string, container: string, pushes?: Map<string, Promise<void>>): Promise<void> {
  const docker = await ctx.docker();
  const once = async () => {
    await docker.tagImage(image, ref);
    try {
      await docker.pushImage(ref);
    } catch (err) {
      throw new EnvironmentError(
        'registry-push',
        `could not push ${ref}: ${(err as Error).message}`,
        `check that the registry runs: docker ps --filter name=${container}`,
      );
    }
  };
  if (!pushes) return once();
  const key = `${docker.endpoint} ${ref} ${image}`;
  let pending = pushes.get(key);
  if (!pending) {
    pending = once();
    pushes.set(key, pending);
    // A failed push may be tried again by the next caller.
    pending.catch(() => pushes.delete(key));
  }
  return pending;
}

function noRegistry(name: string, images: readonly string[]): never {
  throw new EnvironmentError(
    'containerd-image-store',
    `Docker uses the containerd image store, where the engines' image loaders fail (kind#3795, k3d#1538), and cluster "${name}" has no registry`,
    `re-create it with \`kindling up --registry\`, then run \`kindling load ${name} ${images.join(' ')}\` again`,
  );
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
  const { registry, engine } = stored.spec;
  const served = new Set(registry?.mirrors ?? []);
  const mirrored = opts.images.filter((i) => {
    const parts = imageParts(i);
    return parts.digest === undefined && served.has(parts.host);
  });
  const rest = opts.images.filter((i) => !mirrored.includes(i));
  const out: LoadResult['images'] = [];
  for (const image of mirrored) {
    const ref = mirroredRef(image, registry!.host);
    await push(ctx, image, ref, registry!.name, opts.pushes);
    out.push({ image, ref: image, via: 'mirror' });
  }
  let via: LoadVia = 'mirror';
  if (rest.length > 0 && (await (await ctx.docker()).usesContainerdImageStore())) {
    if (!registry) noRegistry(opts.name, rest);
    via = 'registry';
    for (const image of rest) {
      const ref = registryRef(image, registry.host);
      await push(ctx, image, ref, registry.name, opts.pushes);
      out.push({ image, ref, via });
    }
  } else if (rest.length > 0) {
    via = 'engine';
    await (await ctx.engine(engine)).loadImages(opts.name, rest);
    out.push(...rest.map((image) => ({ image, ref: image, via })));
  }
  const order = new Map(opts.images.map((image, i) => [image, i]));
  return { name: opts.name, via, images: out.sort((a, b) => order.get(a.image)! - order.get(b.image)!) };
}
