import { describe, expect, it } from 'vitest';
import { CERTS_D_PATCH } from '../../../src/engines/kind/config.js';
import { InvalidInputError, ConflictError } from '../../../src/errors.js';
import { planDown } from '../../../src/plan/down-plan.js';
import { resolveImageCache } from '../../../src/plan/image-cache.js';
import { planUp } from '../../../src/plan/plan.js';
import { ImageCacheSchema } from '../../../src/presets/schema.js';
import { builtinPreset } from '../../support/unit/presets.js';

describe('resolveImageCache', () => {
  it('is off unless the preset enables it or --image-cache asks', () => {
    expect(resolveImageCache(builtinPreset('kind'), undefined)).toBeUndefined();
    const on = builtinPreset('kind', { imageCache: ImageCacheSchema.parse({ enabled: true }) });
    expect(resolveImageCache(on, false)).toBeUndefined();
    expect(resolveImageCache(on, undefined)?.mirrorOf).toBe('docker.io');
  });

  it('--image-cache alone: the schema defaults, Docker Hub mirrored as docker.io on 127.0.0.1:5050', () => {
    expect(resolveImageCache(builtinPreset('k3d'), true)).toEqual({
      name: 'kindling-image-cache',
      image: 'registry:2',
      hostPort: 5050,
      listenAddress: '127.0.0.1',
      upstream: 'https://registry-1.docker.io',
      mirrorOf: 'docker.io',
    });
  });

  it('--image-cache URL: that upstream, mirrored under its own host unless the preset names the host', () => {
    expect(resolveImageCache(builtinPreset('kind'), 'http://10.0.0.9:5000')).toMatchObject({
      upstream: 'http://10.0.0.9:5000',
      mirrorOf: '10.0.0.9:5000',
    });
    const named = builtinPreset('kind', {
      imageCache: ImageCacheSchema.parse({ upstream: 'https://mirror.gcr.io', mirrorOf: 'docker.io' }),
    });
    expect(resolveImageCache(named, true)).toMatchObject({ upstream: 'https://mirror.gcr.io', mirrorOf: 'docker.io' });
  });

  it('refuses an upstream that is not a registry URL', () => {
    expect(() => resolveImageCache(builtinPreset('kind'), 'ftp://x')).toThrow(InvalidInputError);
    expect(() => resolveImageCache(builtinPreset('kind'), 'https://example.com/v2/')).toThrow(InvalidInputError);
  });

  it('the schema wants username and passwordEnv together', () => {
    expect(ImageCacheSchema.safeParse({ username: 'me' }).success).toBe(false);
    expect(ImageCacheSchema.safeParse({ username: 'me', passwordEnv: 'HUB_TOKEN' }).success).toBe(true);
  });
});

describe('plans with an image cache', () => {
  it('kind: the cache is claimed and connected, containerd reads certs.d, down releases it', () => {
    const plan = planUp(builtinPreset('kind'), { name: 'dev', imageCache: 'http://up:5000' });
    const ids = plan.actions.map((a) => a.id);
    expect(ids).toContain('ensure-registry');
    expect(ids).toContain('connect-registry');
    expect(plan.actions.find((a) => a.id === 'ensure-registry')?.title).toBe(
      'Run (or reuse) image cache kindling-image-cache on 127.0.0.1:5050 (registry:2, pull-through from http://up:5000)',
    );
    expect(plan.actions.find((a) => a.id === 'connect-registry')?.title).toBe(
      "Connect registry kindling-image-cache to the nodes' network and write containerd's hosts.toml for up:5000 on every node",
    );
    expect(plan.engineConfig.document).toMatchObject({ containerdConfigPatches: [CERTS_D_PATCH] });
    // Nothing for configure-cluster: the local-registry-hosting ConfigMap describes a registry one pushes to.
    expect(ids).not.toContain('configure-cluster');
    const down = planDown(plan.spec).actions.map((a) => a.id);
    expect(down).toContain('release-registry');
    expect(down).not.toContain('disconnect-registry');
  });

  it('k3d with a registry and the cache: one registries.yaml naming both; down detaches and releases both', () => {
    const plan = planUp(builtinPreset('k3d'), { name: 'dev', registry: true, imageCache: true });
    const doc = plan.engineConfig.document as { registries?: { config: string } };
    expect(doc.registries?.config).toContain('"docker.io":\n    endpoint:\n      - http://kindling-image-cache:5000\n');
    expect(doc.registries?.config).toContain(`"${plan.spec.registry!.host}"`);
    const down = planDown(plan.spec).actions;
    expect(down.find((a) => a.id === 'disconnect-registry')?.title).toBe(
      `Disconnect registries ${plan.spec.registry!.name}, kindling-image-cache from the cluster's network`,
    );
    expect(down.map((a) => a.id)).toContain('release-registry');
  });

  it("refuses a cache port that the registry or the cluster's ports already take", () => {
    const k3d = builtinPreset('k3d');
    expect(() => planUp(k3d, { name: 'dev', ports: ['5050:80'], imageCache: true })).toThrow(ConflictError);
    const clash = builtinPreset('k3d', { imageCache: ImageCacheSchema.parse({ hostPort: k3d.registry!.hostPort }) });
    expect(() => planUp(clash, { name: 'dev', registry: true, imageCache: true })).toThrow(/image cache's \(imageCache.hostPort\)/);
  });
});

describe('plans with images preloaded into the local registry', () => {
  it("turn the registry on and mirror the images' hosts to it on kind (hosts.toml) and k3d (registries.yaml)", () => {
    const kind = planUp(builtinPreset('kind'), { name: 'dev', preload: ['myapp:dev', 'ghcr.io/acme/api:2'] });
    expect(kind.spec.registry).toMatchObject({ name: 'kind-registry', host: 'localhost:5001', mirrors: ['docker.io', 'ghcr.io'] });
    expect(kind.actions.map((a) => a.id)).toContain('ensure-registry');
    expect(kind.actions.find((a) => a.id === 'connect-registry')?.title).toContain('docker.io, ghcr.io');
    expect(kind.engineConfig.document).toMatchObject({ containerdConfigPatches: [CERTS_D_PATCH] });

    const k3d = planUp(builtinPreset('k3d'), { name: 'dev', preload: ['myapp:dev'] });
    const doc = k3d.engineConfig.document as { registries?: { config: string } };
    expect(doc.registries?.config).toContain('"docker.io":\n    endpoint:\n      - http://k3d-registry:5000\n');
  });

  it('refuses preloading with --no-registry, or with a preset that has no registry', () => {
    expect(() => planUp(builtinPreset('kind'), { name: 'dev', registry: false, preload: ['myapp:dev'] })).toThrow(InvalidInputError);
    const bare = builtinPreset('kind', { registry: undefined });
    expect(() => planUp(bare, { name: 'dev', preload: ['myapp:dev'] })).toThrow(/no registry section, where images to preload/);
  });
});
