// DockerClient over dockerode. Connection is decided by docker-endpoint/; this file only translates.
import type Dockerode from 'dockerode';
import { PassThrough } from 'node:stream';
import type { ContainerInfo, DockerClient, DockerObject, ExecResult, RunSpec } from './docker-client.js';
import { archiveNotFound, labelFilter, logsNotFound } from './docker-client.js';
import { demuxLogs } from './log-frames.js';
import { dockerInfoFrom, memoryInUse, networkSubnetsFrom, usesContainerdStore, type InfoBody, type NetworkBody } from './docker-info.js';

type Summary = Dockerode.ContainerInfo;

function toContainerInfo(c: Summary): ContainerInfo {
  return {
    id: c.Id,
    name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
    image: c.Image,
    labels: c.Labels ?? {},
    state: c.State,
    status: c.Status,
    ports: (c.Ports ?? [])
      .filter((p) => p.PublicPort !== undefined && p.PublicPort !== 0)
      .map((p) => ({ containerPort: p.PrivatePort, protocol: p.Type, hostIp: p.IP ?? '', hostPort: p.PublicPort })),
    networks: Object.keys(c.NetworkSettings?.Networks ?? {}),
    volumes: (c.Mounts ?? []).filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name as string),
  };
}

/** Removal is idempotent: an object that is already gone is fine. */
async function ignoreNotFound(removal: Promise<unknown>): Promise<void> {
  try {
    await removal;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode !== 404) throw err;
  }
}

function splitRef(ref: string): { repo: string; tag: string } {
  const colon = ref.lastIndexOf(':');
  return colon > ref.lastIndexOf('/') ? { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) } : { repo: ref, tag: 'latest' };
}

function createOptions(spec: RunSpec): Dockerode.ContainerCreateOptions {
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.publish) bindings[`${p.containerPort}/tcp`] = [{ HostIp: p.hostIp, HostPort: String(p.hostPort) }];
  return {
    name: spec.name,
    Image: spec.image,
    Labels: spec.labels,
    ...(spec.env ? { Env: spec.env } : {}),
    ExposedPorts: Object.fromEntries(spec.publish.map((p) => [`${p.containerPort}/tcp`, {}])),
    HostConfig: { PortBindings: bindings, RestartPolicy: { Name: spec.restart } },
  };
}

async function runExec(docker: Dockerode, container: string, argv: readonly string[]): Promise<ExecResult> {
  const exec = await docker.getContainer(container).exec({ Cmd: [...argv], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  docker.modem.demuxStream(stream, out, out);
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
  const info = await exec.inspect();
  return { exitCode: info.ExitCode ?? -1, output: Buffer.concat(chunks).toString('utf8') };
}

/** The archive stream; Docker answers 404 for a missing container and for a missing path alike. */
async function getArchive(docker: Dockerode, container: string, path: string): Promise<NodeJS.ReadableStream> {
  try {
    return await docker.getContainer(container).getArchive({ path });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw archiveNotFound(container, path, (err as Error).message);
    throw err;
  }
}

async function putArchive(docker: Dockerode, container: string, path: string, tar: NodeJS.ReadableStream): Promise<void> {
  try {
    // dockerode hands a stream to the request as its body; the Engine answers once it has unpacked all of it.
    await docker.getContainer(container).putArchive(tar as never, { path });
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw archiveNotFound(container, path, (err as Error).message);
    throw err;
  }
}

/** Everything the container logged so far, with timestamps; the TTY flag decides whether frames need unwrapping. */
async function containerLogs(docker: Dockerode, container: string): Promise<string> {
  try {
    const c = docker.getContainer(container);
    const tty = Boolean((await c.inspect()).Config?.Tty);
    const body = await c.logs({ stdout: true, stderr: true, timestamps: true, follow: false });
    return demuxLogs(Buffer.isBuffer(body) ? body : Buffer.from(String(body)), tty);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw logsNotFound(container, (err as Error).message);
    throw err;
  }
}

async function followPush(docker: Dockerode, ref: string): Promise<void> {
  const stream = (await docker.getImage(ref).push({ authconfig: {} } as never)) as unknown as NodeJS.ReadableStream;
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(stream, (err: Error | null, output: { error?: string }[]) => {
      const failed = output?.find((o) => o.error);
      if (err) reject(err);
      else if (failed) reject(new Error(failed.error));
      else resolve();
    });
  });
}

/** Wraps a connected dockerode instance. */
export function dockerodeClient(docker: Dockerode, endpoint: string): DockerClient {
  const disconnect = async (network: string, container: string): Promise<void> => {
    try {
      await docker.getNetwork(network).disconnect({ Container: container, Force: true });
    } catch (err) {
      const code = (err as { statusCode?: number }).statusCode;
      if (code !== 404 && !/is not connected/i.test((err as Error).message)) throw err;
    }
  };
  return {
    endpoint,
    async ping() {
      await docker.ping();
    },
    async listContainers(labels) {
      const list = await docker.listContainers({ all: true, filters: { label: labelFilter(labels) } });
      return list.map(toContainerInfo);
    },
    async listPublishingContainers() {
      const list = await docker.listContainers({ all: false });
      return list.map(toContainerInfo).filter((c) => c.ports.length > 0);
    },
    async listNetworks(filter) {
      const filters: Record<string, string[]> = {};
      if (filter.name) filters.name = [filter.name];
      if (filter.labels) filters.label = labelFilter(filter.labels);
      const list = await docker.listNetworks({ filters });
      // Docker's name filter matches substrings; keep exact matches only.
      return list
        .filter((n) => !filter.name || n.Name === filter.name)
        .map((n): DockerObject => ({ name: n.Name, labels: n.Labels ?? {} }));
    },
    async listVolumes(filter) {
      const filters: Record<string, string[]> = {};
      if (filter.name) filters.name = [filter.name];
      if (filter.labels) filters.label = labelFilter(filter.labels);
      const res = await docker.listVolumes({ filters });
      return (res.Volumes ?? [])
        .filter((v) => !filter.name || v.Name === filter.name)
        .map((v): DockerObject => ({ name: v.Name, labels: v.Labels ?? {} }));
    },
    async createNetwork(spec) {
      await docker.createNetwork({
        Name: spec.name,
        Driver: 'bridge',
        CheckDuplicate: true,
        Options: spec.options,
        Labels: spec.labels,
        IPAM: { Driver: 'default', Config: [{ Subnet: spec.subnet }] },
      });
    },
    removeContainer: (id) => ignoreNotFound(docker.getContainer(id).remove({ force: true, v: true })),
    removeNetwork: (name) => ignoreNotFound(docker.getNetwork(name).remove()),
    removeVolume: (name) => ignoreNotFound(docker.getVolume(name).remove()),
    async findContainer(name) {
      const list = await docker.listContainers({ all: true, filters: { name: [name] } });
      return list.map(toContainerInfo).find((c) => c.name === name);
    },
    async imageExists(ref) {
      try {
        await docker.getImage(ref).inspect();
        return true;
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 404) return false;
        throw err;
      }
    },
    async runContainer(spec) {
      const c = await docker.createContainer(createOptions(spec));
      await c.start();
      return c.id;
    },
    async startContainer(id) {
      try {
        await docker.getContainer(id).start();
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 304) throw err; // already running
      }
    },
    async stopContainer(id, graceSeconds) {
      try {
        await docker.getContainer(id).stop(graceSeconds === undefined ? {} : { t: graceSeconds });
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 304) throw err; // already stopped
      }
    },
    async networkEndpoint(container, network) {
      const info = await docker.getContainer(container).inspect();
      const ep = info.NetworkSettings.Networks[network];
      return ep ? { ipv4: ep.IPAddress ?? '', pinned: ep.IPAMConfig?.IPv4Address ?? '' } : undefined;
    },
    async networkMembers(network) {
      const info = (await docker.getNetwork(network).inspect()) as { Containers?: Record<string, { Name: string; IPv4Address?: string }> };
      return Object.values(info.Containers ?? {}).map((c) => ({ name: c.Name, ipv4: (c.IPv4Address ?? '').split('/')[0]! }));
    },
    async pinAddress(network, container, ipv4) {
      await disconnect(network, container);
      try {
        await docker.getNetwork(network).connect({ Container: container, EndpointConfig: { IPAMConfig: { IPv4Address: ipv4 } } });
      } catch (err) {
        // Refused (e.g. a network whose subnet Docker chose): leave the container attached as it was.
        await docker.getNetwork(network).connect({ Container: container });
        throw err;
      }
    },
    async connectNetwork(network, container) {
      try {
        await docker.getNetwork(network).connect({ Container: container });
      } catch (err) {
        if (!/already exists|already attached/i.test((err as Error).message)) throw err;
      }
    },
    disconnectNetwork: disconnect,
    exec: (container, argv) => runExec(docker, container, argv),
    async usesContainerdImageStore() {
      return usesContainerdStore((await docker.info()) as InfoBody);
    },
    info: async () => dockerInfoFrom((await docker.info()) as InfoBody),
    listNetworkSubnets: async () => ((await docker.listNetworks()) as NetworkBody[]).map(networkSubnetsFrom),
    async containerMemory(id) {
      const stats = await docker.getContainer(id).stats({ stream: false });
      return memoryInUse(stats.memory_stats as never);
    },
    async tagImage(source, target) {
      const { repo, tag } = splitRef(target);
      await docker.getImage(source).tag({ repo, tag });
    },
    pushImage: (ref) => followPush(docker, ref),
    removeImage: (ref) => ignoreNotFound(docker.getImage(ref).remove()),
    readArchive: (container, path) => getArchive(docker, container, path),
    putArchive: (container, path, tar) => putArchive(docker, container, path, tar),
    containerLogs: (container) => containerLogs(docker, container),
  };
}
