// The registry hosts a cluster's local registry serves as a mirror because images are preloaded into it under
// their own names (a workshop's images, pushed once for every cluster): nodes ask the registry for those hosts'
// images first. Refuses what a mirror cannot serve faithfully. Pure.
import { InvalidInputError } from '../errors.js';
import { imageParts } from '../registry/image-ref.js';

/** The hosts of `images` (docker.io for Docker Hub's), sorted, each once; throws InvalidInputError for an image
 * pinned by digest only (a pushed copy may get another digest) or two images one path in the registry would hold. */
export function preloadHosts(images: readonly string[], registryHost: string): string[] {
  const byPath = new Map<string, string>();
  for (const image of images) {
    const parts = imageParts(image);
    if (parts.digest !== undefined) {
      throw new InvalidInputError(
        `image to preload ${image} is pinned by digest: a copy pushed to the local registry (${registryHost}) may get another digest`,
        `name it by tag (for example ${parts.host === 'docker.io' ? '' : `${parts.host}/`}${parts.path.replace(/^library\//, '')}:TAG)`,
      );
    }
    const key = `${parts.path}:${parts.tag}`;
    const other = byPath.get(key);
    if (other !== undefined && imageParts(other).host !== parts.host) {
      throw new InvalidInputError(
        `images to preload ${other} and ${image} would both be ${registryHost}/${key} in the local registry`,
        'preload only one of them (or retag one)',
      );
    }
    byPath.set(key, image);
  }
  return [...new Set(images.map((i) => imageParts(i).host))].filter((h) => h !== registryHost).sort();
}
