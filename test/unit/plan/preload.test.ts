import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { preloadHosts } from '../../../src/plan/preload.js';

describe('preloadHosts', () => {
  it("lists each image's registry host once, sorted, Docker Hub as docker.io, the local registry's own host left out", () => {
    expect(preloadHosts(['myapp:dev', 'ghcr.io/acme/api:2', 'nginx:1.27', 'localhost:5001/tool:1'], 'localhost:5001')).toEqual([
      'docker.io',
      'ghcr.io',
    ]);
    expect(preloadHosts([], 'localhost:5001')).toEqual([]);
  });

  it('refuses an image pinned by digest, saying to name a tag', () => {
    expect(() => preloadHosts(['ghcr.io/acme/api@sha256:abc'], 'localhost:5001')).toThrow(InvalidInputError);
    expect(() => preloadHosts(['ghcr.io/acme/api@sha256:abc'], 'localhost:5001')).toThrow(/pinned by digest/);
  });

  it('refuses two images of different hosts that one registry path would hold', () => {
    expect(() => preloadHosts(['acme/api:2', 'ghcr.io/acme/api:2'], 'localhost:5001')).toThrow(
      'images to preload acme/api:2 and ghcr.io/acme/api:2 would both be localhost:5001/acme/api:2 in the local registry',
    );
    // The same image named twice is fine.
    expect(preloadHosts(['nginx:1.27', 'docker.io/library/nginx:1.27'], 'localhost:5001')).toEqual(['docker.io']);
  });
});
