// Resolves the image cache a cluster pulls through: the preset's imageCache section, turned on (or given
// another upstream) by `--image-cache [UPSTREAM]`. Pure.
import { InvalidInputError } from '../errors.js';
import type { ImageCacheSpec } from '../model/cluster-spec.js';
import { ImageCacheSchema, type Preset } from '../presets/schema.js';
import { defaultMirrorOf } from '../registry/image-cache.js';

function parseUpstream(value: string): string {
  const parsed = ImageCacheSchema.safeParse({ upstream: value });
  if (!parsed.success) {
    throw new InvalidInputError(
      `--image-cache "${value}" is not a registry URL`,
      'for example --image-cache https://registry-1.docker.io (or --image-cache alone for Docker Hub)',
    );
  }
  return parsed.data.upstream;
}

/** The cache the spec gets, or undefined when it is off (the preset's `enabled`, unless the override says). */
export function resolveImageCache(preset: Preset, override: boolean | string | undefined): ImageCacheSpec | undefined {
  const on = override === undefined ? (preset.imageCache?.enabled ?? false) : override !== false;
  if (!on) return undefined;
  // A preset without the section gets the schema's defaults (Docker Hub, kindling-image-cache on 5050).
  const section = preset.imageCache ?? ImageCacheSchema.parse({});
  const upstream = typeof override === 'string' ? parseUpstream(override) : section.upstream;
  // A --image-cache URL replaces the upstream: the mirrored host follows it unless the preset names one.
  const mirrorOf = typeof override === 'string' && override !== section.upstream ? defaultMirrorOf(upstream) : section.mirrorOf;
  const { enabled: _enabled, mirrorOf: _mirrorOf, ...rest } = section;
  return { ...rest, upstream, mirrorOf: mirrorOf ?? defaultMirrorOf(upstream) };
}
