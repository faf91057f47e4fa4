// What `kindling doctor` reads from the Docker engine beyond containers: the engine's own facts (GET /info),
// each network's IPv4 subnets (GET /networks) and a container's memory in use (GET /containers/{id}/stats).
// Plain types and the pure mappings from the Engine API's answers, so the fake client and the real one agree.

/** The engine's facts from GET /info that decide whether clusters can run. */
export interface DockerInfo {
  /** e.g. 20.10.24, 28.3.2 ('' when the engine did not say). */
  serverVersion: string;
  /** The storage driver: overlay2, overlayfs (containerd snapshotter), btrfs, zfs, vfs... */
  driver: string;
  /** Images live in containerd's image store (the containerd snapshotter), where kind's and k3d's loaders fail. */
  containerdImageStore: boolean;
  /** '1' or '2' ('' when the engine did not say: old engines, some podman versions). */
  cgroupVersion: string;
  /** Memory of the machine Docker runs on (a VM's for Docker Desktop), in bytes. */
  memTotal: number;
  /** Where the engine keeps images and containers (on the machine Docker runs on). */
  rootDir: string;
  /** e.g. "Debian GNU/Linux 12 (bookworm)", "Docker Desktop". */
  operatingSystem: string;
}

/** A Docker network with the IPv4 subnets of its IPAM config and the host interface of a bridge. */
export interface NetworkSubnets {
  name: string;
  id: string;
  driver: string;
  /** The Linux bridge a bridge network uses (docker0, br-<id12>); undefined for other drivers. */
  bridge?: string;
  /** IPv4 subnets only (a.b.c.d/n); IPv6 ones are left out. */
  subnets: string[];
}

/** The fields of GET /info kindling reads. */
export interface InfoBody {
  ServerVersion?: string;
  Driver?: string;
  DriverStatus?: [string, string][] | null;
  CgroupVersion?: string;
  MemTotal?: number;
  DockerRootDir?: string;
  OperatingSystem?: string;
}

/** True when Docker keeps images in containerd: its DriverStatus names the containerd snapshotter as `driver-type`. */
export function usesContainerdStore(body: Pick<InfoBody, 'DriverStatus'>): boolean {
  return (body.DriverStatus ?? []).some(([k, v]) => k === 'driver-type' && v.startsWith('io.containerd.snapshotter'));
}

/** Maps GET /info to DockerInfo ('' and 0 for what it left out; podman's 'v2' becomes '2'). */
export function dockerInfoFrom(body: InfoBody): DockerInfo {
  return {
    serverVersion: body.ServerVersion ?? '',
    driver: body.Driver ?? '',
    containerdImageStore: usesContainerdStore(body),
    cgroupVersion: (body.CgroupVersion ?? '').replace(/^v/, ''),
    memTotal: body.MemTotal ?? 0,
    rootDir: body.DockerRootDir ?? '',
    operatingSystem: body.OperatingSystem ?? '',
  };
}

/** The fields of one GET /networks entry kindling reads. */
export interface NetworkBody {
  Name: string;
  Id: string;
  Driver?: string;
  Options?: Record<string, string> | null;
  IPAM?: { Config?: { Subnet?: string }[] | null } | null;
}

/** Maps one GET /networks entry: a bridge's interface is its bridge.name option, else br-<first 12 of the id>. */
export function networkSubnetsFrom(n: NetworkBody): NetworkSubnets {
  const driver = n.Driver ?? '';
  const subnets = (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').filter((s) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(s));
  const bridge = driver === 'bridge' ? (n.Options?.['com.docker.network.bridge.name'] ?? `br-${n.Id.slice(0, 12)}`) : undefined;
  return { name: n.Name, id: n.Id, driver, ...(bridge ? { bridge } : {}), subnets };
}

/** The memory part of GET /containers/{id}/stats?stream=false. */
export interface MemoryStatsBody {
  usage?: number;
  stats?: Record<string, number | undefined>;
}

/** Memory in use without the reclaimable file cache, as `docker stats` shows it: usage minus total_inactive_file
 * (cgroup v1) or inactive_file (cgroup v2); 0 for a stopped container (Docker reports no usage). */
export function memoryInUse(mem: MemoryStatsBody | undefined): number {
  const usage = mem?.usage ?? 0;
  const stats = mem?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file ?? 0;
  return v2 < usage ? usage - v2 : usage;
}
