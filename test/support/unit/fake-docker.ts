// An in-memory DockerClient for unit tests: containers, networks and volumes held in arrays, label
// filtering as Docker does it ('' matches any value), and a record of every removal.
import { Readable } from 'node:stream';
import {
  archiveNotFound,
  logsNotFound,
  type ContainerInfo,
  type DockerClient,
  type DockerObject,
  type ExecResult,
  type NetworkEndpoint,
  type PublishedPort,
  type RunSpec,
} from '../../../src/runtime/docker-client.js';
import type { DockerInfo, NetworkSubnets } from '../../../src/runtime/docker-info.js';

/** A DockerClient stand-in whose contents the test sets and inspects. */
export class FakeDocker implements DockerClient {
  readonly endpoint: string;
  containers: ContainerInfo[] = [];
  networks: DockerObject[] = [];
  volumes: DockerObject[] = [];
  readonly removed = { containers: [] as string[], networks: [] as string[], volumes: [] as string[] };
  /** Every listContainers label filter asked for, in order. */
  readonly containerQueries: Record<string, string>[] = [];
  /** When set, ping() rejects with it. */
  pingError: Error | undefined;
  /** When set, listContainers() rejects with it (Docker went away after the connection). */
  listError: Error | undefined;

  constructor(endpoint = 'unix:///fake/docker.sock') {
    this.endpoint = endpoint;
  }

  async ping(): Promise<void> {
    if (this.pingError) throw this.pingError;
  }

  async listContainers(labels: Record<string, string>): Promise<ContainerInfo[]> {
    this.containerQueries.push({ ...labels });
    if (this.listError) throw this.listError;
    return this.containers.filter((c) => matches(c.labels, labels)).map((c) => structuredClone(c));
  }

  async listPublishingContainers(): Promise<ContainerInfo[]> {
    return this.containers.filter((c) => c.state === 'running' && c.ports.length > 0).map((c) => structuredClone(c));
  }

  async listNetworks(filter: { name?: string; labels?: Record<string, string> }): Promise<DockerObject[]> {
    return this.networks.filter((n) => (!filter.name || n.name === filter.name) && matches(n.labels, filter.labels ?? {}));
  }

  async listVolumes(filter: { name?: string; labels?: Record<string, string> }): Promise<DockerObject[]> {
    return this.volumes.filter((v) => (!filter.name || v.name === filter.name) && matches(v.labels, filter.labels ?? {}));
  }

  /** Subnets the fake refuses as overlapping. */
  takenSubnets = new Set<string>();

  async createNetwork(spec: { name: string; subnet: string; labels: Record<string, string> }): Promise<void> {
    if (this.takenSubnets.has(spec.subnet)) throw new Error(`Pool overlaps with other one on this address space`);
    this.networks.push({ name: spec.name, labels: spec.labels });
    this.calls.push(`create network ${spec.name} ${spec.subnet}`);
  }

  async removeContainer(id: string): Promise<void> {
    const c = this.containers.find((x) => x.id === id);
    if (c) this.removed.containers.push(c.name);
    this.containers = this.containers.filter((x) => x.id !== id);
  }

  async removeNetwork(name: string): Promise<void> {
    this.removed.networks.push(name);
    this.networks = this.networks.filter((n) => n.name !== name);
  }

  async removeVolume(name: string): Promise<void> {
    this.removed.volumes.push(name);
    this.volumes = this.volumes.filter((v) => v.name !== name);
  }

  /** Images present (by reference); runContainer needs its image here. */
  images = new Set<string>();
  /** Every exec, connect, tag and push, in order, as text. */
  readonly calls: string[] = [];
  /** Whether Docker uses the containerd image store. */
  containerdStore = false;

  async findContainer(name: string): Promise<ContainerInfo | undefined> {
    const c = this.containers.find((x) => x.name === name);
    return c && structuredClone(c);
  }

  async imageExists(ref: string): Promise<boolean> {
    return this.images.has(ref);
  }

  async runContainer(spec: RunSpec): Promise<string> {
    if (!this.images.has(spec.image)) throw Object.assign(new Error(`No such image: ${spec.image}`), { statusCode: 404 });
    const ports = spec.publish.map((p) => ({ containerPort: p.containerPort, protocol: 'tcp', hostIp: p.hostIp, hostPort: p.hostPort }));
    const c = container(spec.name, spec.labels, { image: spec.image, ports });
    this.containers.push(c);
    this.calls.push(`run ${spec.name}`);
    return c.id;
  }

  async startContainer(id: string): Promise<void> {
    const c = this.containers.find((x) => x.id === id);
    if (!c) return;
    c.state = 'running';
    // Docker gives a pinned address back; otherwise the next free one (here: .200 upwards), as after a restart.
    for (const ep of Object.values(this.endpoints[c.name] ?? {})) ep.ipv4 = ep.pinned || `172.18.0.${200 + this.calls.length}`;
    this.calls.push(`start ${c.name}`);
  }

  /** Per container name, per network: its address now and the one pinned ('' when none). */
  endpoints: Record<string, Record<string, NetworkEndpoint>> = {};

  async stopContainer(id: string): Promise<void> {
    const c = this.containers.find((x) => x.id === id);
    if (!c) return;
    c.state = 'exited';
    for (const ep of Object.values(this.endpoints[c.name] ?? {})) ep.ipv4 = '';
    this.calls.push(`stop ${c.name}`);
  }

  async networkEndpoint(name: string, network: string): Promise<NetworkEndpoint | undefined> {
    const ep = this.endpoints[name]?.[network];
    return ep && { ...ep };
  }

  async networkMembers(network: string): Promise<{ name: string; ipv4: string }[]> {
    return Object.entries(this.endpoints)
      .filter(([, eps]) => eps[network]?.ipv4)
      .map(([name, eps]) => ({ name, ipv4: eps[network]!.ipv4 }));
  }

  /** When set, pinAddress() rejects with it (a network whose subnet Docker chose). */
  pinRefusal: Error | undefined;

  async pinAddress(network: string, name: string, ipv4: string): Promise<void> {
    if (this.pinRefusal) throw this.pinRefusal;
    this.endpoints[name] = { ...this.endpoints[name], [network]: { ipv4: '', pinned: ipv4 } };
    this.calls.push(`pin ${network} ${name} ${ipv4}`);
  }

  async connectNetwork(network: string, name: string): Promise<void> {
    const c = this.containers.find((x) => x.name === name || x.id === name);
    if (c && !c.networks.includes(network)) c.networks.push(network);
    if (this.endpoints[name] && !this.endpoints[name][network]) this.endpoints[name][network] = { ipv4: '', pinned: '' };
    this.calls.push(`connect ${network} ${name}`);
  }

  async disconnectNetwork(network: string, name: string): Promise<void> {
    const c = this.containers.find((x) => x.name === name || x.id === name);
    if (c) c.networks = c.networks.filter((n) => n !== network);
    if (this.endpoints[name]) delete this.endpoints[name][network];
    this.calls.push(`disconnect ${network} ${name}`);
  }

  async exec(name: string, argv: readonly string[]): Promise<ExecResult> {
    this.calls.push(`exec ${name} ${argv.join(' ')}`);
    return { exitCode: 0, output: '' };
  }

  async usesContainerdImageStore(): Promise<boolean> {
    return this.containerdStore;
  }

  /** What info() answers (containerdImageStore follows `containerdStore`): a cgroup v2 engine with overlay2 by default. */
  dockerInfo: Omit<DockerInfo, 'containerdImageStore'> = {
    serverVersion: '28.3.2',
    driver: 'overlay2',
    cgroupVersion: '2',
    memTotal: 16 * 2 ** 30,
    rootDir: '/var/lib/docker',
    operatingSystem: 'Fake Linux',
  };

  async info(): Promise<DockerInfo> {
    return { ...this.dockerInfo, containerdImageStore: this.containerdStore };
  }

  /** What listNetworkSubnets() answers. */
  subnets: NetworkSubnets[] = [];

  async listNetworkSubnets(): Promise<NetworkSubnets[]> {
    return structuredClone(this.subnets);
  }

  /** Memory in use (bytes) by container name or id; a container without an entry uses none. */
  memory = new Map<string, number>();

  async containerMemory(id: string): Promise<number> {
    const c = this.containers.find((x) => x.id === id || x.name === id);
    return (c && (this.memory.get(c.id) ?? this.memory.get(c.name))) ?? this.memory.get(id) ?? 0;
  }

  async tagImage(source: string, target: string): Promise<void> {
    this.images.add(target);
    this.calls.push(`tag ${source} ${target}`);
  }

  async pushImage(ref: string): Promise<void> {
    this.calls.push(`push ${ref}`);
  }

  async removeImage(ref: string): Promise<void> {
    this.images.delete(ref);
    this.calls.push(`rmi ${ref}`);
  }

  /** What readArchive streams, by `container:path`: the tar bytes, as one buffer or as chunks. */
  archives = new Map<string, Buffer | Buffer[]>();

  async readArchive(name: string, path: string): Promise<NodeJS.ReadableStream> {
    this.calls.push(`archive ${name} ${path}`);
    const content = this.archives.get(`${name}:${path}`);
    if (content === undefined) throw archiveNotFound(name, path);
    return Readable.from(Array.isArray(content) ? content : [content]);
  }

  /** What putArchive received, by `container:path`. */
  unpacked = new Map<string, Buffer>();

  async putArchive(name: string, path: string, tar: NodeJS.ReadableStream): Promise<void> {
    this.calls.push(`put-archive ${name} ${path}`);
    const chunks: Buffer[] = [];
    for await (const chunk of tar) chunks.push(Buffer.from(chunk as Buffer));
    this.unpacked.set(`${name}:${path}`, Buffer.concat(chunks));
  }

  /** What containerLogs answers, by container name or id; a container without an entry logged nothing. */
  logs = new Map<string, string>();

  async containerLogs(name: string): Promise<string> {
    this.calls.push(`logs ${name}`);
    const c = this.containers.find((x) => x.name === name || x.id === name);
    if (!c) throw logsNotFound(name);
    return this.logs.get(c.name) ?? this.logs.get(c.id) ?? '';
  }
}

function matches(have: Record<string, string>, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => k in have && (v === '' || have[k] === v));
}

let nextId = 1;

/** A container with sensible defaults (running, no ports). */
export function container(name: string, labels: Record<string, string>, extra: Partial<ContainerInfo> = {}): ContainerInfo {
  return {
    id: `id-${nextId++}-${name}`,
    name,
    image: 'img',
    labels,
    state: 'running',
    status: 'Up 1 minute',
    ports: [],
    networks: [],
    volumes: [],
    ...extra,
  };
}

/** The API port kind and k3d publish: container 6443/tcp on a host address and port. */
export function apiPort(hostPort: number, hostIp = '127.0.0.1'): PublishedPort {
  return { containerPort: 6443, protocol: 'tcp', hostIp, hostPort };
}

/** A kind node container as kind v0.32.0 labels it. */
export function kindNode(cluster: string, name: string, role: string, extra: Partial<ContainerInfo> = {}): ContainerInfo {
  return container(name, { 'io.x-k8s.kind.cluster': cluster, 'io.x-k8s.kind.role': role }, { image: 'kindest/node:v1.36.1', ...extra });
}

/** A k3d container as k3d v5.9.0 labels it, plus the runtime labels kindling asks for. */
export function k3dNode(cluster: string, name: string, role: string, extra: Partial<ContainerInfo> = {}): ContainerInfo {
  return container(
    name,
    {
      app: 'k3d',
      'k3d.cluster': cluster,
      'k3d.role': role,
      'dev.kindling.managed': 'true',
      'dev.kindling.cluster': cluster,
      'dev.kindling.preset': 'k3d',
    },
    { image: 'rancher/k3s:v1.35.5-k3s1', ...extra },
  );
}
