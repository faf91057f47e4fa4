import { describe, expect, it } from 'vitest';
import { engineNaming, k3dNaming, kindNaming } from '../../../src/model/engine-naming.js';

const spec = (controlPlanes: number, workers: number) => ({ name: 'dev', nodes: { controlPlanes, workers } });

describe('kind naming (kind v0.32.0)', () => {
  it('1 control plane + 2 workers', () => {
    expect(kindNaming.containerNames(spec(1, 2))).toEqual(['dev-control-plane', 'dev-worker', 'dev-worker2']);
  });

  it('HA: numbered control planes and an external load balancer', () => {
    expect(kindNaming.containerNames(spec(3, 1))).toEqual([
      'dev-control-plane',
      'dev-control-plane2',
      'dev-control-plane3',
      'dev-worker',
      'dev-external-load-balancer',
    ]);
  });

  it('labels, context and roles', () => {
    expect(kindNaming.containerLabels('dev')).toEqual({ 'io.x-k8s.kind.cluster': 'dev' });
    expect(kindNaming.containerLabels('')).toEqual({ 'io.x-k8s.kind.cluster': '' });
    expect(kindNaming.clusterLabelKey).toBe('io.x-k8s.kind.cluster');
    expect(kindNaming.contextName('dev')).toBe('kind-dev');
    expect(kindNaming.roleOf({ 'io.x-k8s.kind.role': 'control-plane' })).toBe('control-plane');
    expect(kindNaming.roleOf({})).toBe('unknown');
    expect(kindNaming.ownedNetworks('dev')).toEqual([]);
    expect(kindNaming.ownedVolumes('dev')).toEqual([]);
  });
});

describe('k3d naming (k3d v5.9.0)', () => {
  it('1 server + 2 agents, the load balancer and the tools container', () => {
    expect(k3dNaming.containerNames(spec(1, 2))).toEqual([
      'k3d-dev-server-0',
      'k3d-dev-agent-0',
      'k3d-dev-agent-1',
      'k3d-dev-serverlb',
      'k3d-dev-tools',
    ]);
  });

  it('HA servers count from 0', () => {
    expect(k3dNaming.containerNames(spec(3, 0)).slice(0, 3)).toEqual(['k3d-dev-server-0', 'k3d-dev-server-1', 'k3d-dev-server-2']);
  });

  it('labels, context, roles, network and volume', () => {
    expect(k3dNaming.containerLabels('dev')).toEqual({ app: 'k3d', 'k3d.cluster': 'dev' });
    expect(k3dNaming.clusterLabelKey).toBe('k3d.cluster');
    expect(k3dNaming.contextName('dev')).toBe('k3d-dev');
    expect(k3dNaming.roleOf({ 'k3d.role': 'loadbalancer' })).toBe('loadbalancer');
    expect(k3dNaming.roleOf({})).toBe('unknown');
    expect(k3dNaming.ownedNetworks('dev')).toEqual(['k3d-dev']);
    expect(k3dNaming.ownedVolumes('dev')).toEqual(['k3d-dev-images']);
  });

  it('engineNaming maps engine names', () => {
    expect(engineNaming.kind).toBe(kindNaming);
    expect(engineNaming.k3d).toBe(k3dNaming);
  });
});
