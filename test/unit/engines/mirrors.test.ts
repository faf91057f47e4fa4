import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hostsDir, hostsToml, mirrorsOf, registriesYaml } from '../../../src/engines/mirrors.js';
import type { ClusterSpec } from '../../../src/model/cluster-spec.js';
import { DOCKER_HUB_CACHE } from '../../support/unit/image-cache.js';

const registry: NonNullable<ClusterSpec['registry']> = {
  name: 'kind-registry',
  image: 'registry:2',
  hostPort: 5001,
  listenAddress: '127.0.0.1',
  shared: false,
  host: 'localhost:5001',
};
const cache = DOCKER_HUB_CACHE;

describe('mirrorsOf', () => {
  it('lists the local registry, then the cache as a pull-only mirror of its host with the upstream as server', () => {
    expect(mirrorsOf({ registry, imageCache: cache })).toEqual([
      { host: 'localhost:5001', endpoints: ['http://kind-registry:5000'], pullOnly: false },
      { host: 'docker.io', endpoints: ['http://kindling-image-cache:5000'], server: 'https://registry-1.docker.io', pullOnly: true },
    ]);
    expect(mirrorsOf({})).toEqual([]);
  });

  it('puts both behind one host when the cache mirrors the registry host (the registry tried first)', () => {
    const [m] = mirrorsOf({ registry, imageCache: { ...cache, mirrorOf: 'localhost:5001' } });
    expect(m).toEqual({
      host: 'localhost:5001',
      endpoints: ['http://kind-registry:5000', 'http://kindling-image-cache:5000'],
      server: 'https://registry-1.docker.io',
      pullOnly: false,
    });
  });
});

describe('hostsToml (containerd docs/hosts.md: certs.d/<host>/hosts.toml)', () => {
  it("a local registry: kind's recipe, one [host] table and no server", () => {
    const [m] = mirrorsOf({ registry });
    expect(hostsDir(m!)).toBe('/etc/containerd/certs.d/localhost:5001');
    expect(hostsToml(m!)).toBe('[host."http://kind-registry:5000"]\n');
  });

  it('the cache: server is the upstream, the mirror a [host] table with pull and resolve only', () => {
    const [m] = mirrorsOf({ imageCache: cache });
    expect(hostsDir(m!)).toBe('/etc/containerd/certs.d/docker.io');
    expect(hostsToml(m!)).toBe(
      [
        'server = "https://registry-1.docker.io"',
        '',
        '[host."http://kindling-image-cache:5000"]',
        '  capabilities = ["pull", "resolve"]',
        '',
      ].join('\n'),
    );
  });

  it('several hosts are tables in the order they are tried; a trailing slash of the server is dropped', () => {
    const text = hostsToml({ host: 'x', endpoints: ['http://a:5000', 'http://b:5000'], server: 'http://up:5000/', pullOnly: true });
    expect(text.split('\n').filter((l) => l.startsWith('[host.') || l.startsWith('server'))).toEqual([
      'server = "http://up:5000"',
      '[host."http://a:5000"]',
      '[host."http://b:5000"]',
    ]);
  });
});

describe("registriesYaml (k3s's registries.yaml mirrors)", () => {
  it('one entry per mirrored host with its endpoints, as k3s reads them', () => {
    const text = registriesYaml(mirrorsOf({ registry, imageCache: cache }));
    expect(parse(text)).toEqual({
      mirrors: {
        'localhost:5001': { endpoint: ['http://kind-registry:5000'] },
        'docker.io': { endpoint: ['http://kindling-image-cache:5000'] },
      },
    });
  });

  it("keeps a local registry's text as it was before the cache existed", () => {
    expect(registriesYaml(mirrorsOf({ registry }))).toBe(
      'mirrors:\n  "localhost:5001":\n    endpoint:\n      - http://kind-registry:5000\n',
    );
  });
});

describe('mirrorsOf: hosts whose images were preloaded into the local registry', () => {
  const preloaded = { ...registry, mirrors: ['docker.io', 'ghcr.io'] };

  it('each host is tried at the local registry first (pull only), its own registry after', () => {
    expect(mirrorsOf({ registry: preloaded })).toEqual([
      { host: 'localhost:5001', endpoints: ['http://kind-registry:5000'], pullOnly: false },
      { host: 'docker.io', endpoints: ['http://kind-registry:5000'], server: 'https://registry-1.docker.io', pullOnly: true },
      { host: 'ghcr.io', endpoints: ['http://kind-registry:5000'], server: 'https://ghcr.io', pullOnly: true },
    ]);
  });

  it("with the cache on the same host: the local registry, then the cache, then the cache's upstream", () => {
    const docker = mirrorsOf({ registry: preloaded, imageCache: cache }).find((m) => m.host === 'docker.io');
    expect(docker).toEqual({
      host: 'docker.io',
      endpoints: ['http://kind-registry:5000', 'http://kindling-image-cache:5000'],
      server: 'https://registry-1.docker.io',
      pullOnly: true,
    });
    expect(hostsToml(docker!)).toBe(
      [
        'server = "https://registry-1.docker.io"',
        '',
        '[host."http://kind-registry:5000"]',
        '  capabilities = ["pull", "resolve"]',
        '',
        '[host."http://kindling-image-cache:5000"]',
        '  capabilities = ["pull", "resolve"]',
        '',
      ].join('\n'),
    );
  });

  it("the registry's own host is not listed twice", () => {
    expect(mirrorsOf({ registry: { ...registry, mirrors: ['localhost:5001'] } })).toHaveLength(1);
  });

  it('k3s registries.yaml lists the registry as the endpoint of each preloaded host', () => {
    const doc = parse(registriesYaml(mirrorsOf({ registry: preloaded })));
    expect(doc.mirrors['ghcr.io']).toEqual({ endpoint: ['http://kind-registry:5000'] });
    expect(doc.mirrors['docker.io']).toEqual({ endpoint: ['http://kind-registry:5000'] });
  });
});
