// DockerClient over dockerode. Connection is decided by docker-connect.ts; this file only translates.
import type Dockerode from 'dockerode';
import type { ContainerInfo, DockerClient, DockerObject } from './docker-client.js';
import { labelFilter } from './docker-client.js';

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

/** Wraps a connected dockerode instance. */
export function dockerodeClient(docker: Dockerode, endpoint: string): DockerClient {
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
    removeContainer: (id) => ignoreNotFound(docker.getContainer(id).remove({ force: true, v: true })),
    removeNetwork: (name) => ignoreNotFound(docker.getNetwork(name).remove()),
    removeVolume: (name) => ignoreNotFound(docker.getVolume(name).remove()),
  };
}
