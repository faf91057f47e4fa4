import { describe, expect, it } from 'vitest';
import { isDevRegistryImage, isFloatingImage, parseImage, retargetImage } from '../../../../src/export/rewrite/image-reference.js';

describe('parseImage', () => {
  it.each([
    ['nginx', { path: 'nginx' }],
    ['nginx:1.27', { path: 'nginx', tag: '1.27' }],
    ['library/nginx:1.27', { path: 'library/nginx', tag: '1.27' }],
    ['localhost:5001/app', { registry: 'localhost:5001', path: 'app' }],
    ['localhost/app:1', { registry: 'localhost', path: 'app', tag: '1' }],
    ['kind-registry:5000/team/app:v2', { registry: 'kind-registry:5000', path: 'team/app', tag: 'v2' }],
    ['ghcr.io/org/app@sha256:abc', { registry: 'ghcr.io', path: 'org/app', digest: 'sha256:abc' }],
    ['ghcr.io/org/app:1.0@sha256:abc', { registry: 'ghcr.io', path: 'org/app', tag: '1.0', digest: 'sha256:abc' }],
  ])('%s', (image, expected) => {
    expect(parseImage(image)).toEqual(expected);
  });
});

describe('isDevRegistryImage', () => {
  it.each([
    'localhost:5001/app',
    'localhost:32000/app:1.0',
    'k3d-myregistry.localhost:12345/app',
    'registry.localhost:5000/team/app',
    'kind-registry:5000/app',
    '127.0.0.1:5000/app',
  ])('%s is only reachable from the dev machine', (image) => {
    expect(isDevRegistryImage(image)).toBe(true);
  });

  it.each(['nginx:1.27', 'ghcr.io/org/app:1', 'registry.example.com:5000/app', 'localhostfoo/app', 'myapp:dev'])('%s is not', (image) => {
    expect(isDevRegistryImage(image)).toBe(false);
  });
});

describe('retargetImage', () => {
  it('keeps path, tag and digest under the new registry, with or without a trailing slash', () => {
    expect(retargetImage('localhost:5001/app:1.0', 'ghcr.io/team')).toBe('ghcr.io/team/app:1.0');
    expect(retargetImage('k3d-reg.localhost:12345/team/app@sha256:abc', 'registry.example.com/')).toBe(
      'registry.example.com/team/app@sha256:abc',
    );
    expect(retargetImage('kind-registry:5000/app', 'ghcr.io/team')).toBe('ghcr.io/team/app');
  });
});

describe('isFloatingImage', () => {
  it.each([
    ['nginx', true],
    ['nginx:latest', true],
    ['localhost:5001/app', true],
    ['nginx:1.27', false],
    ['nginx@sha256:abc', false],
    ['nginx:latest@sha256:abc', false],
  ])('%s: %s', (image, floating) => {
    expect(isFloatingImage(image)).toBe(floating);
  });
});
