import { describe, expect, it } from 'vitest';
import { cacheHost, cacheRunSpec, defaultMirrorOf } from '../../../src/registry/image-cache.js';
import { DOCKER_HUB_CACHE } from '../../support/unit/image-cache.js';

const cache = DOCKER_HUB_CACHE;

describe('cacheRunSpec', () => {
  it("runs registry:2 in proxy mode in front of the upstream, on 127.0.0.1, labelled as kindling's registry", () => {
    expect(cacheRunSpec(cache, 'op-1')).toEqual({
      name: 'kindling-image-cache',
      image: 'registry:2',
      labels: {
        'dev.kindling.managed': 'true',
        'dev.kindling.registry': 'kindling-image-cache',
        'dev.kindling.operation': 'op-1',
        'dev.kindling.cache-upstream': 'https://registry-1.docker.io',
      },
      publish: [{ containerPort: 5000, hostIp: '127.0.0.1', hostPort: 5050 }],
      restart: 'always',
      env: ['REGISTRY_PROXY_REMOTEURL=https://registry-1.docker.io'],
    });
  });

  it("passes the upstream's credentials as Distribution's proxy settings", () => {
    const spec = cacheRunSpec({ ...cache, username: 'me', passwordEnv: 'HUB_TOKEN' }, 'op', 's3cret');
    expect(spec.env).toEqual([
      'REGISTRY_PROXY_REMOTEURL=https://registry-1.docker.io',
      'REGISTRY_PROXY_USERNAME=me',
      'REGISTRY_PROXY_PASSWORD=s3cret',
    ]);
  });
});

describe('defaultMirrorOf', () => {
  it("Docker Hub's API hosts mirror docker.io; any other upstream its own host and port", () => {
    expect(defaultMirrorOf('https://registry-1.docker.io')).toBe('docker.io');
    expect(defaultMirrorOf('https://index.docker.io/')).toBe('docker.io');
    expect(defaultMirrorOf('https://quay.io')).toBe('quay.io');
    expect(defaultMirrorOf('http://172.17.0.5:5000')).toBe('172.17.0.5:5000');
  });

  it('the host address of the cache from the host', () => {
    expect(cacheHost(cache)).toBe('localhost:5050');
  });
});
