import { describe, expect, it } from 'vitest';
import { k3dNaming, kindNaming } from '../../../src/model/engine-naming.js';
import type { ContainerInfo } from '../../../src/runtime/docker-client.js';
import type { LockInfo } from '../../../src/state/state-store.js';
import { deriveStatus, type ObservedInputs } from '../../../src/status/derive-status.js';
import { apiEndpoint, kubernetesNodes, type ClusterStatus } from '../../../src/model/cluster-status.js';
import { apiPort, k3dNode, kindNode } from '../../support/unit/fake-docker.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const lock = (op: string): LockInfo => ({
  op,
  operationId: 'op',
  owner: 'me@box',
  host: 'box',
  pid: 4242,
  started: '2026-01-02T03:00:00.000Z',
  expires: '2026-01-02T04:00:00.000Z',
});

function kindInputs(containers: ContainerInfo[], more: Partial<ObservedInputs> = {}): ObservedInputs {
  return {
    name: 'dev',
    engine: 'kind',
    naming: kindNaming,
    containers,
    lock: undefined,
    lockLive: false,
    previous: undefined,
    now: NOW,
    ...more,
  };
}

const cp = (state = 'running') => kindNode('dev', 'dev-control-plane', 'control-plane', { state, ports: [apiPort(40000)] });
const worker = (state = 'running') => kindNode('dev', 'dev-worker', 'worker', { state });

describe('deriveStatus: phases', () => {
  it('running: every node container runs; the whole status', () => {
    expect(deriveStatus(kindInputs([worker(), cp()]))).toEqual({
      name: 'dev',
      engine: 'kind',
      phase: 'running',
      observedAt: '2026-01-02T03:04:05.000Z',
      context: 'kind-dev',
      apiServer: { host: '127.0.0.1', port: 40000, url: 'https://127.0.0.1:40000' },
      nodes: [
        { name: 'dev-control-plane', role: 'control-plane', state: 'running', image: 'kindest/node:v1.36.1' },
        { name: 'dev-worker', role: 'worker', state: 'running', image: 'kindest/node:v1.36.1' },
      ],
    });
  });

  it('stopped: none runs', () => {
    expect(deriveStatus(kindInputs([cp('exited'), worker('exited')])).phase).toBe('stopped');
  });

  it('degraded: some run', () => {
    const s = deriveStatus(kindInputs([cp(), worker('exited')]));
    expect(s.phase).toBe('degraded');
    expect(s.message).toBe('1 of 2 node containers running');
  });

  it('missing: in the store, no container in Docker', () => {
    const s = deriveStatus(kindInputs([], { previous: { phase: 'running' } as ClusterStatus }));
    expect(s).toMatchObject({
      phase: 'missing',
      message: 'in the state store, but no container of it exists in Docker (deleted outside kindling?)',
      nodes: [],
    });
    expect(s.apiServer).toBeUndefined();
  });

  it('failed: no containers and the previous observation was a failure (its message kept)', () => {
    const previous = { phase: 'failed', message: 'kubeadm init failed' } as ClusterStatus;
    expect(deriveStatus(kindInputs([], { previous }))).toMatchObject({ phase: 'failed', message: 'kubeadm init failed' });
    expect(deriveStatus(kindInputs([], { previous: { phase: 'failed' } as ClusterStatus }))).toMatchObject({
      phase: 'failed',
      message: 'creation failed',
    });
  });

  it('creating / deleting while a live lock is held, whatever Docker shows', () => {
    expect(deriveStatus(kindInputs([], { lock: lock('up'), lockLive: true }))).toMatchObject({
      phase: 'creating',
      message: 'up in progress (pid 4242 on box)',
    });
    expect(deriveStatus(kindInputs([cp()], { lock: lock('down'), lockLive: true }))).toMatchObject({
      phase: 'deleting',
      message: 'down in progress (pid 4242 on box)',
    });
  });

  it('failed: a dead lock means an interrupted operation; the message says what to run', () => {
    expect(deriveStatus(kindInputs([cp()], { lock: lock('up'), lockLive: false }))).toMatchObject({
      phase: 'failed',
      message: 'an interrupted "up" (pid 4242 on box, started 2026-01-02T03:00:00.000Z) left it half-done: run `kindling down dev`',
    });
  });

  it('nodes are sorted by name', () => {
    const names = deriveStatus(kindInputs([kindNode('dev', 'dev-worker2', 'worker'), worker(), cp()])).nodes.map((n) => n.name);
    expect(names).toEqual(['dev-control-plane', 'dev-worker', 'dev-worker2']);
  });
});

describe('deriveStatus: k3d', () => {
  const k3d = (containers: ContainerInfo[]): ObservedInputs => ({ ...kindInputs(containers), engine: 'k3d', naming: k3dNaming });

  it('the tools container (role noRole) is not a node; an exited one does not degrade the cluster', () => {
    const s = deriveStatus(
      k3d([
        k3dNode('dev', 'k3d-dev-server-0', 'server'),
        k3dNode('dev', 'k3d-dev-serverlb', 'loadbalancer', { ports: [apiPort(6550, '0.0.0.0')] }),
        k3dNode('dev', 'k3d-dev-tools', 'noRole', { state: 'exited' }),
      ]),
    );
    expect(s.phase).toBe('running');
    expect(s.context).toBe('k3d-dev');
    expect(s.nodes.map((n) => `${n.name}:${n.role}`)).toEqual(['k3d-dev-server-0:server', 'k3d-dev-serverlb:loadbalancer']);
    expect(s.apiServer).toEqual({ host: '127.0.0.1', port: 6550, url: 'https://127.0.0.1:6550' });
  });

  it('only the tools container left: missing', () => {
    expect(deriveStatus(k3d([k3dNode('dev', 'k3d-dev-tools', 'noRole')])).phase).toBe('missing');
  });
});

describe('apiEndpoint', () => {
  it("prefers the load balancer's 6443 (kind HA), wherever it is listed", () => {
    const containers = [
      kindNode('dev', 'dev-control-plane', 'control-plane', { ports: [apiPort(41000)] }),
      kindNode('dev', 'dev-external-load-balancer', 'external-load-balancer', { ports: [apiPort(42000)] }),
    ];
    expect(apiEndpoint(containers)).toEqual({ host: '127.0.0.1', port: 42000, url: 'https://127.0.0.1:42000' });
  });

  it("prefers k3d's serverlb over a server publishing 6443", () => {
    const containers = [
      k3dNode('dev', 'k3d-dev-server-0', 'server', { ports: [apiPort(43000)] }),
      k3dNode('dev', 'k3d-dev-serverlb', 'loadbalancer', { ports: [apiPort(44000)] }),
    ];
    expect(apiEndpoint(containers)!.port).toBe(44000);
  });

  it.each([
    ['0.0.0.0', '127.0.0.1'],
    ['', '127.0.0.1'],
    ['127.0.0.1', '127.0.0.1'],
    ['192.168.1.5', '192.168.1.5'],
  ])('host IP %j is reached at %s', (hostIp, host) => {
    expect(apiEndpoint([cpWith(apiPort(40000, hostIp))])).toEqual({ host, port: 40000, url: `https://${host}:40000` });
  });

  it('the IPv6 wildcard (::) is reached on loopback too, giving a usable URL', () => {
    expect(apiEndpoint([cpWith(apiPort(40000, '::'))])).toEqual({ host: '127.0.0.1', port: 40000, url: 'https://127.0.0.1:40000' });
  });

  it('ignores other ports and UDP; undefined when nothing publishes 6443/tcp', () => {
    expect(apiEndpoint([cpWith({ containerPort: 80, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 8080 })])).toBeUndefined();
    expect(apiEndpoint([cpWith({ containerPort: 6443, protocol: 'udp', hostIp: '127.0.0.1', hostPort: 8080 })])).toBeUndefined();
    expect(apiEndpoint([])).toBeUndefined();
  });
});

describe('kubernetesNodes', () => {
  it('drops the API load balancers of kind and k3d', () => {
    const n = (name: string, role: string) => ({ name, role, state: 'running', image: 'i' });
    expect(
      kubernetesNodes([
        n('a', 'control-plane'),
        n('b', 'external-load-balancer'),
        n('c', 'server'),
        n('d', 'loadbalancer'),
        n('e', 'agent'),
      ]).map((x) => x.name),
    ).toEqual(['a', 'c', 'e']);
  });
});

function cpWith(port: ContainerInfo['ports'][number]): ContainerInfo {
  return kindNode('dev', 'dev-control-plane', 'control-plane', { ports: [port] });
}

describe('apiEndpoint on a Docker engine of another machine', () => {
  it("a wildcard bind is named by the engine's host; a specific address as it is", () => {
    expect(apiEndpoint([cpWith(apiPort(40000, '0.0.0.0'))], '192.0.2.2')!.url).toBe('https://192.0.2.2:40000');
    expect(apiEndpoint([cpWith(apiPort(40000, '0.0.0.0'))], '2001:db8::5')!.url).toBe('https://[2001:db8::5]:40000');
    expect(apiEndpoint([cpWith(apiPort(40000, '10.0.0.7'))], '192.0.2.2')!.url).toBe('https://10.0.0.7:40000');
  });
});
