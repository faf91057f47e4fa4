import { describe, expect, it } from 'vitest';
import { registryRef } from '../../../src/registry/image-ref.js';

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
