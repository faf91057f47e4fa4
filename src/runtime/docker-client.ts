// The narrow slice of the Docker Engine API kindling reads. Only this folder imports dockerode; everything
// else sees these plain types, so tests can hand in a stand-in without a daemon.

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

/** Read-only view of the engine, plus removal of objects kindling itself labelled. */
export interface DockerClient {
  /** Where the engine was found (unix:///var/run/docker.sock, tcp://...). */
  readonly endpoint: string;
  ping(): Promise<void>;
  /** Containers (running or not) carrying every given label; a value of '' matches any value. */
  listContainers(labels: Record<string, string>): Promise<ContainerInfo[]>;
  /** Every container that publishes at least one port. */
  listPublishingContainers(): Promise<ContainerInfo[]>;
  listNetworks(filter: { name?: string; labels?: Record<string, string> }): Promise<DockerObject[]>;
  listVolumes(filter: { name?: string; labels?: Record<string, string> }): Promise<DockerObject[]>;
  removeContainer(id: string): Promise<void>;
  removeNetwork(name: string): Promise<void>;
  removeVolume(name: string): Promise<void>;
}

/** Docker's label filter syntax: `key` for presence, `key=value` for equality. */
export function labelFilter(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => (v === '' ? k : `${k}=${v}`));
}
