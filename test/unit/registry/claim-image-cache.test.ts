import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/api/create-context.js';
import { ConflictError, EnvironmentError } from '../../../src/errors.js';
import type { ImageCacheSpec } from '../../../src/model/cluster-spec.js';
import { claimImageCache } from '../../../src/registry/claim-image-cache.js';
import { releaseRegistry } from '../../../src/registry/claim-registry.js';
import { container, FakeDocker } from '../../support/unit/fake-docker.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const dirs = tempDirs();
let docker: FakeDocker;
let dir: string;
beforeEach(async () => {
  dir = await dirs.make();
  docker = new FakeDocker();
  docker.images.add('registry:2');
});
afterEach(() => dirs.cleanup());

const cache: ImageCacheSpec = {
  name: 'kindling-image-cache',
  image: 'registry:2',
  hostPort: 5050,
  listenAddress: '127.0.0.1',
  upstream: 'http://upstream:5000',
  mirrorOf: 'upstream:5000',
};
const ctxWith = (env: Record<string, string> = {}) =>
  createContext({ state: dir, env: { HOME: dir, ...env }, docker, portProbe: { isFree: async () => true } });

describe('claimImageCache', () => {
  it('runs one cache for every cluster, records each as a user, and goes with the last one', async () => {
    const ctx = ctxWith();
    await claimImageCache(ctx, cache, 'a', 'op-a');
    const record = await claimImageCache(ctx, cache, 'b', 'op-b');
    expect(docker.calls.filter((c) => c.startsWith('run '))).toEqual(['run kindling-image-cache']);
    expect(record).toEqual({
      name: 'kindling-image-cache',
      image: 'registry:2',
      host: 'localhost:5050',
      createdBy: 'kindling',
      shared: false,
      users: ['a', 'b'],
    });
    expect(await releaseRegistry(ctx, cache.name, 'a')).toBe(false);
    expect(docker.containers.map((c) => c.name)).toEqual(['kindling-image-cache']);
    expect(await releaseRegistry(ctx, cache.name, 'b')).toBe(true);
    expect(docker.removed.containers).toEqual(['kindling-image-cache']);
    expect(await ctx.store.readRegistry(cache.name)).toBeUndefined();
  });

  it('refuses to reuse a cache of kindling that pulls from another upstream', async () => {
    const ctx = ctxWith();
    await claimImageCache(ctx, cache, 'a', 'op');
    const err = await claimImageCache(ctx, { ...cache, upstream: 'https://quay.io' }, 'b', 'op').catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toBe('image cache "kindling-image-cache" pulls through from http://upstream:5000, not https://quay.io');
  });

  it("starts a stopped cache again; a container of the user's is reused and never removed", async () => {
    const ports = [{ containerPort: 5000, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 5050 }];
    docker.containers.push(container('kindling-image-cache', {}, { state: 'exited', ports }));
    const ctx = ctxWith();
    const record = await claimImageCache(ctx, cache, 'a', 'op');
    expect(record.createdBy).toBe('user');
    expect(docker.containers[0]!.state).toBe('running');
    expect(await releaseRegistry(ctx, cache.name, 'a')).toBe(false);
    expect(docker.removed.containers).toEqual([]);
  });

  it('names the unset password variable before running anything', async () => {
    const err = await claimImageCache(ctxWith(), { ...cache, username: 'me', passwordEnv: 'HUB_TOKEN' }, 'a', 'op').catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain('HUB_TOKEN');
    expect(docker.containers).toEqual([]);
  });
});
