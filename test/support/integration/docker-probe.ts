// Looks at Docker directly (not through kindling) to check what really exists.
import Dockerode from 'dockerode';

const docker = new Dockerode();

function engineLabel(name: string, engine: 'kind' | 'k3d'): Record<string, string> {
  return engine === 'kind' ? { 'io.x-k8s.kind.cluster': name } : { 'k3d.cluster': name };
}

/** Containers, networks and volumes that carry a cluster's name. */
export interface ClusterObjects {
  containers: string[];
  networks: string[];
  volumes: string[];
}

/** Every container whose labels match (values '' = presence). */
export async function containersWithLabels(labels: Record<string, string>): Promise<Dockerode.ContainerInfo[]> {
  const label = Object.entries(labels).map(([k, v]) => (v === '' ? k : `${k}=${v}`));
  return docker.listContainers({ all: true, filters: { label } });
}

/** What Docker holds for a cluster: containers by the engine's or kindling's label, and named networks/volumes. */
export async function clusterObjects(name: string, engine: 'kind' | 'k3d', volumeNames: readonly string[] = []): Promise<ClusterObjects> {
  const byEngine = engineLabel(name, engine);
  const [a, b, nets, vols] = await Promise.all([
    containersWithLabels(byEngine),
    containersWithLabels({ 'dev.kindling.cluster': name }),
    docker.listNetworks(),
    docker.listVolumes(),
  ]);
  const containers = [...new Set([...a, ...b].map((c) => c.Names[0]!.replace(/^\//, '')))].sort();
  const networks = nets.map((n) => n.Name).filter((n) => n === `k3d-${name}`);
  const volumes = (vols.Volumes ?? []).map((v) => v.Name).filter((v) => v === `k3d-${name}-images` || volumeNames.includes(v));
  return { containers, networks, volumes };
}

/** Names of the volumes mounted into a cluster's containers (kind's anonymous /var volumes among them). */
export async function mountedVolumes(name: string, engine: 'kind' | 'k3d'): Promise<string[]> {
  const list = await containersWithLabels(engineLabel(name, engine));
  return list.flatMap((c) => (c.Mounts ?? []).filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name as string));
}

/** Inspects one container. */
export async function inspect(name: string): Promise<Dockerode.ContainerInspectInfo> {
  return docker.getContainer(name).inspect();
}
