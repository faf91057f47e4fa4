import { describe, expect, it } from 'vitest';
import { thrown } from '../../support/unit/thrown.js';
import { ConflictError, InvalidInputError } from '../../../src/errors.js';
import { nodeImageFor, resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';

const KIND_DIGEST = builtinPreset('kind').nodeImage.digests['v1.36.1']!;

const conflict = (fn: () => unknown) => thrown(ConflictError, fn);

describe('nodeImageFor', () => {
  it('pins the image by digest when the preset knows the version', () => {
    expect(nodeImageFor(builtinPreset('kind'), 'v1.36.1')).toEqual({ image: `kindest/node:v1.36.1@${KIND_DIGEST}`, pinned: true });
  });

  it('a version without a digest gives the bare tag, with the tag suffix', () => {
    expect(nodeImageFor(builtinPreset('kind'), 'v1.35.2')).toEqual({ image: 'kindest/node:v1.35.2', pinned: false });
    // kind v0.33.0's default image: up --k8s-version v1.37.0 gets it pinned.
    expect(nodeImageFor(builtinPreset('kind'), 'v1.37.0')).toEqual({
      image: 'kindest/node:v1.37.0@sha256:a1ed56cfb0e7b93589bdf97c8cd566405a265939e3620fc4f5de89adff580ae5',
      pinned: true,
    });
    expect(nodeImageFor(builtinPreset('k3d'), 'v1.35.5')).toEqual({ image: 'rancher/k3s:v1.35.5-k3s1', pinned: false });
  });
});

describe('resolveClusterSpec', () => {
  it('the kind preset as it ships', () => {
    const { spec, warnings } = resolveClusterSpec(builtinPreset('kind'));
    expect(spec).toEqual({
      apiVersion: 'kindling.dev/v1alpha1',
      kind: 'ClusterSpec',
      name: 'kind',
      preset: 'kind',
      engine: 'kind',
      kubernetesVersion: 'v1.36.1',
      image: `kindest/node:v1.36.1@${KIND_DIGEST}`,
      nodes: { controlPlanes: 1, workers: 0 },
      apiServer: { address: '127.0.0.1', port: 0 },
      ports: [],
      storage: {
        className: 'standard',
        provisioner: 'rancher.io/local-path',
        volumeBindingMode: 'WaitForFirstConsumer',
        reclaimPolicy: 'Delete',
        default: true,
        providedBy: 'engine',
      },
    });
    expect(warnings).toEqual([]);
  });

  it('the k3d preset: default name k3s-default, image with -k3s1, no warning although unpinned', () => {
    const { spec, warnings } = resolveClusterSpec(builtinPreset('k3d'));
    expect(spec).toMatchObject({ name: 'k3s-default', engine: 'k3d', image: 'rancher/k3s:v1.35.5-k3s1', kubernetesVersion: 'v1.35.5' });
    expect(warnings).toEqual([]);
  });

  it('kind with a version the preset has no digest for: unpinned, with a warning', () => {
    const { spec, warnings } = resolveClusterSpec(builtinPreset('kind'), { kubernetesVersion: '1.35.2' });
    expect(spec.kubernetesVersion).toBe('v1.35.2');
    expect(spec.image).toBe('kindest/node:v1.35.2');
    expect(warnings).toEqual(['no digest is known for kindest/node:v1.35.2 in preset "kind": the image is not pinned']);
  });

  it('--image replaces the preset image and needs no digest', () => {
    const { spec, warnings } = resolveClusterSpec(builtinPreset('kind'), {
      image: 'example.com/node:custom',
      kubernetesVersion: 'v1.35.2',
    });
    expect(spec.image).toBe('example.com/node:custom');
    expect(spec.kubernetesVersion).toBe('v1.35.2');
    expect(warnings).toEqual([]);
  });

  it('name, workers and ports from the overrides; preset ports first', () => {
    const preset = builtinPreset('k3d', { ports: [{ hostPort: 9000, containerPort: 9000, protocol: 'TCP', listenAddress: '127.0.0.1' }] });
    const { spec } = resolveClusterSpec(preset, { name: 'dev', workers: 2, ports: ['8080:80', '5353:53/udp'] });
    expect(spec.name).toBe('dev');
    expect(spec.nodes).toEqual({ controlPlanes: 1, workers: 2 });
    expect(spec.ports).toEqual([
      { hostPort: 9000, containerPort: 9000, protocol: 'TCP', listenAddress: '127.0.0.1' },
      { hostPort: 8080, containerPort: 80, protocol: 'TCP', listenAddress: '127.0.0.1' },
      { hostPort: 5353, containerPort: 53, protocol: 'UDP', listenAddress: '127.0.0.1' },
    ]);
  });

  it('does not share the preset objects (the spec can be changed safely)', () => {
    const preset = builtinPreset('kind');
    const { spec } = resolveClusterSpec(preset);
    spec.apiServer.port = 1234;
    expect(preset.apiServer.port).toBe(0);
  });

  it('invalid overrides are InvalidInputError', () => {
    expect(() => resolveClusterSpec(builtinPreset('kind'), { name: 'Bad_Name' })).toThrow(InvalidInputError);
    expect(() => resolveClusterSpec(builtinPreset('kind'), { workers: 51 })).toThrow('--workers 51 must be a whole number from 0 to 50');
    expect(() => resolveClusterSpec(builtinPreset('kind'), { ports: ['80'] })).toThrow(InvalidInputError);
    expect(() => resolveClusterSpec(builtinPreset('k3d'), { name: 'a'.repeat(33) })).toThrow('k3d allows at most 32');
  });
});

describe('resolveClusterSpec: host port clashes', () => {
  it('the same host port twice -> ConflictError (exit 4)', () => {
    const err = conflict(() => resolveClusterSpec(builtinPreset('kind'), { ports: ['8080:80', '8080:81'] }));
    expect(err.code).toBe('port-duplicate');
    expect(err.exitCode).toBe(4);
    expect(err.message).toBe('host port 127.0.0.1:8080/TCP is requested twice');
    expect(err.hint).toBe('give each --port its own host port');
  });

  it('a flag port clashing with a preset port', () => {
    const preset = builtinPreset('kind', { ports: [{ hostPort: 8080, containerPort: 80, protocol: 'TCP', listenAddress: '127.0.0.1' }] });
    expect(conflict(() => resolveClusterSpec(preset, { ports: ['8080:8080'] })).message).toBe(
      'host port 127.0.0.1:8080/TCP is requested twice',
    );
  });

  it('a port clashing with a fixed API server port', () => {
    const preset = builtinPreset('kind', { apiServer: { address: '127.0.0.1', port: 6443 } });
    expect(conflict(() => resolveClusterSpec(preset, { ports: ['6443:443'] })).message).toBe(
      'host port 127.0.0.1:6443/TCP is requested twice',
    );
  });

  it('the same number for TCP and UDP, or on two addresses, is fine', () => {
    expect(resolveClusterSpec(builtinPreset('kind'), { ports: ['5353:53', '5353:53/udp'] }).spec.ports).toHaveLength(2);
    expect(resolveClusterSpec(builtinPreset('kind'), { ports: ['127.0.0.1:8080:80', '127.0.0.2:8080:80'] }).spec.ports).toHaveLength(2);
  });

  it('0.0.0.0 overlaps every address: the same port on 0.0.0.0 and 127.0.0.1 clashes', () => {
    const err = conflict(() => resolveClusterSpec(builtinPreset('kind'), { ports: ['0.0.0.0:8080:80', '127.0.0.1:8080:81'] }));
    expect(err.code).toBe('port-duplicate');
    expect(err.message).toBe('host port 127.0.0.1:8080/TCP clashes with 0.0.0.0:8080/TCP (0.0.0.0 listens on every address)');
    expect(() => resolveClusterSpec(builtinPreset('kind'), { ports: ['127.0.0.1:8080:80', '0.0.0.0:8080:81'] })).toThrow(ConflictError);
    expect(resolveClusterSpec(builtinPreset('kind'), { ports: ['0.0.0.0:8080:80', '0.0.0.0:8080:53/udp'] }).spec.ports).toHaveLength(2);
  });
});
