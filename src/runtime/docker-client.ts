// The narrow slice of the Docker Engine API kindling reads. Only this folder imports dockerode; everything
// else sees these plain types, so tests can hand in a stand-in without a daemon.
import { NotFoundError } from '../errors.js';
import type { DockerEndpoint } from './docker-endpoint/endpoint.js';
import type { DockerInfo, NetworkSubnets } from './docker-info.js';

/** A published port of a container. */
export interface PublishedPort {
  containerPort: number;
  protocol: string;
  hostIp: string;
  hostPort: number;
}

/** What kindling needs to know about a container. */
export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  labels: Record<string, string>;
  /** Docker's state word: running, exited, created, restarting, paused, dead. */
  state: string;
  status: string;
  ports: PublishedPort[];
  networks: string[];
  /** Names of the volumes mounted into it (anonymous ones included). */
  volumes: string[];
}

/** A Docker network or volume, by name and labels. */
export interface DockerObject {
  name: string;
  labels: Record<string, string>;
}

/** A container kindling runs itself (a registry): image, labels, published ports, restart policy. */
export interface RunSpec {
  name: string;
  image: string;
  labels: Record<string, string>;
  /** containerPort (TCP) -> host address and port. */
  publish: { containerPort: number; hostIp: string; hostPort: number }[];
  restart: 'no' | 'always' | 'unless-stopped';
  /** Environment, `KEY=value` each (absent: the image's). */
  env?: string[];
}

/** A container's endpoint on one network: its IPv4 address now ('' while stopped) and the one pinned for it ('' when Docker chooses). */
export interface NetworkEndpoint {
  ipv4: string;
  pinned: string;
}

/** What an exec inside a container printed and how it exited. */
export interface ExecResult {
  exitCode: number;
  output: string;
}

/** The slice of the engine kindling uses: reads, removal of what it labelled, and the few writes a
 * registry and image loading need (run, connect, exec, tag, push). */
export interface DockerClient {
  /** Where the engine was found (unix:///var/run/docker.sock, tcp://...). */
  readonly endpoint: string;
  /** How the endpoint was found, with its TLS files and whether it is podman; set by the real connection. */
  readonly endpointInfo?: DockerEndpoint;
  ping(): Promise<void>;
  /** Containers (running or not) carrying every given label; a value of '' matches any value. */
  listContainers(labels: Record<string, string>): Promise<ContainerInfo[]>;
  /** Every container that publishes at least one port. */
  listPublishingContainers(): Promise<ContainerInfo[]>;
  listNetworks(filter: { name?: string; labels?: Record<string, string> }): Promise<DockerObject[]>;
  listVolumes(filter: { name?: string; labels?: Record<string, string> }): Promise<DockerObject[]>;
  /** Creates a bridge network with a configured IPv4 subnet (so addresses can be pinned on it); rejects
   * when the subnet overlaps another network's. */
  createNetwork(spec: { name: string; subnet: string; options: Record<string, string>; labels: Record<string, string> }): Promise<void>;
  removeContainer(id: string): Promise<void>;
  removeNetwork(name: string): Promise<void>;
  removeVolume(name: string): Promise<void>;
  /** The container with exactly this name, running or not. */
  findContainer(name: string): Promise<ContainerInfo | undefined>;
  imageExists(ref: string): Promise<boolean>;
  /** Creates and starts a container; returns its id. */
  runContainer(spec: RunSpec): Promise<string>;
  startContainer(id: string): Promise<void>;
  /** Stops a container (SIGTERM, SIGKILL after `graceSeconds`, default Docker's 10); stopped already is fine. */
  stopContainer(id: string, graceSeconds?: number): Promise<void>;
  /** The container's endpoint on `network`, or undefined when it is not attached to it. */
  networkEndpoint(container: string, network: string): Promise<NetworkEndpoint | undefined>;
  /** The running containers attached to a network, with their IPv4 addresses. */
  networkMembers(network: string): Promise<{ name: string; ipv4: string }[]>;
  /** Attaches a container to a network with a fixed IPv4 address (detaching it first if attached), so that
   * it gets that address whenever it starts. Docker refuses on a network whose IPv4 subnet it chose itself;
   * the container then stays attached as it was. */
  pinAddress(network: string, container: string, ipv4: string): Promise<void>;
  /** Connects a container to a network; already connected is fine. */
  connectNetwork(network: string, container: string): Promise<void>;
  /** Disconnects it; not connected (or gone) is fine. */
  disconnectNetwork(network: string, container: string): Promise<void>;
  /** Runs argv (no shell) inside a running container. */
  exec(container: string, argv: readonly string[]): Promise<ExecResult>;
  /** Docker stores images in containerd (the containerd image store), where kind's and k3d's loaders fail. */
  usesContainerdImageStore(): Promise<boolean>;
  /** The engine's facts (GET /info): version, storage driver and image store, cgroup version, memory, root dir. */
  info(): Promise<DockerInfo>;
  /** Every network with its IPv4 subnets and, for a bridge, its host interface (for `kindling doctor`). */
  listNetworkSubnets(): Promise<NetworkSubnets[]>;
  /** The container's memory in use now, without the file cache (`docker stats`); 0 when it is not running. */
  containerMemory(id: string): Promise<number>;
  tagImage(source: string, target: string): Promise<void>;
  /** Pushes an image to its registry; rejects with the registry's error. */
  pushImage(ref: string): Promise<void>;
  removeImage(ref: string): Promise<void>;
  /**
   * A tar stream of `path` inside the container, as `docker cp` reads it (the Engine API's `GET
   * /containers/{id}/archive`): the path's last component is the archive's top folder. Rejects with
   * NotFoundError when the container or the path does not exist.
   */
  readArchive(container: string, path: string): Promise<NodeJS.ReadableStream>;
  /**
   * Unpacks a tar stream (plain or gzipped) into the folder `path` of the container (the Engine API's `PUT
   * /containers/{id}/archive`, what `docker cp` does the other way). The folder must exist. Rejects with
   * NotFoundError when the container or the folder does not exist.
   */
  putArchive(container: string, path: string, tar: NodeJS.ReadableStream): Promise<void>;
  /** What the container wrote to stdout and stderr so far, interleaved as written, each line with Docker's
   * timestamp (`docker logs --timestamps`). Rejects with NotFoundError when the container does not exist. */
  containerLogs(container: string): Promise<string>;
}

/** Docker's label filter syntax: `key` for presence, `key=value` for equality. */
export function labelFilter(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => (v === '' ? k : `${k}=${v}`));
}

/** The error readArchive rejects with for a missing container or path; `said` is Docker's own message. */
export function archiveNotFound(container: string, path: string, said?: string): NotFoundError {
  return new NotFoundError(
    'container-path',
    `cannot read ${path} in container ${container}: no such container or path${said ? ` (${said})` : ''}`,
    'check that the cluster is running (kindling status) and that the volume still exists on its node',
  );
}

/** The error containerLogs rejects with for a missing container; `said` is Docker's own message. */
export function logsNotFound(container: string, said?: string): NotFoundError {
  return new NotFoundError(
    'container',
    `cannot read the logs of container ${container}: no such container${said ? ` (${said})` : ''}`,
    'see `kindling status` for the containers the cluster has now',
  );
}
