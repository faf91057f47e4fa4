import { describe, expect, it } from 'vitest';
import { imageParts, mirroredRef, registryRef } from '../../../src/registry/image-ref.js';

describe('registryRef', () => {
  it.each([
    ['myapp:dev', 'localhost:5001/myapp:dev'],
    ['myapp', 'localhost:5001/myapp:latest'],
    ['nginx:1.27', 'localhost:5001/nginx:1.27'],
    ['docker.io/library/nginx:1.27', 'localhost:5001/nginx:1.27'],
    ['team/api:2', 'localhost:5001/team/api:2'],
    ['ghcr.io/acme/api:2', 'localhost:5001/acme/api:2'],
    ['localhost:5000/old/app:1', 'localhost:5001/old/app:1'],
    ['registry.example.com:8443/app@sha256:abc', 'localhost:5001/app:latest'],
  ])('%s -> %s', (image, ref) => {
    expect(registryRef(image, 'localhost:5001')).toBe(ref);
  });
});

describe('imageParts', () => {
  it.each([
    ['nginx', { host: 'docker.io', path: 'library/nginx', tag: 'latest' }],
    ['nginx:1.27', { host: 'docker.io', path: 'library/nginx', tag: '1.27' }],
    ['docker.io/library/nginx:1.27', { host: 'docker.io', path: 'library/nginx', tag: '1.27' }],
    ['index.docker.io/team/api:2', { host: 'docker.io', path: 'team/api', tag: '2' }],
    ['team/api:2', { host: 'docker.io', path: 'team/api', tag: '2' }],
    ['ghcr.io/acme/api:2', { host: 'ghcr.io', path: 'acme/api', tag: '2' }],
    ['localhost:5000/old/app', { host: 'localhost:5000', path: 'old/app', tag: 'latest' }],
    ['registry.example.com:8443/app:3@sha256:abc', { host: 'registry.example.com:8443', path: 'app', tag: '3', digest: 'sha256:abc' }],
    ['quay.io/app@sha256:abc', { host: 'quay.io', path: 'app', tag: 'latest', digest: 'sha256:abc' }],
  ])('%s', (image, parts) => {
    expect(imageParts(image)).toEqual(parts);
  });
});

describe('mirroredRef: the image under its own path, as nodes ask a mirror for it', () => {
  it.each([
    ['myapp:dev', 'localhost:5001/library/myapp:dev'],
    ['nginx', 'localhost:5001/library/nginx:latest'],
    ['team/api:2', 'localhost:5001/team/api:2'],
    ['ghcr.io/acme/api:2', 'localhost:5001/acme/api:2'],
  ])('%s -> %s', (image, ref) => {
    expect(mirroredRef(image, 'localhost:5001')).toBe(ref);
  });
});
