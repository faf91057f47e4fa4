// Creates or reuses a cluster's registry container and records who uses it, so that the registry outlives a
// cluster only when it is shared (or the user made it), and is removed with the last cluster that used it.
import type { Context } from '../context.js';
import { ConflictError, EnvironmentError } from '../errors.js';
import { registryLabels } from '../labels.js';
import type { ClusterSpec } from '../model/cluster-spec.js';
import type { ContainerInfo } from '../runtime/docker-client.js';
import type { RegistryRecord } from '../state/state-store.js';

type Registry = NonNullable<ClusterSpec['registry']>;

/** An existing registry container must publish the host port the spec names (`setting` is that spec field). */
export function checkPublishes(c: ContainerInfo, r: { name: string; hostPort: number }, setting = 'registry.hostPort'): void {
  if (!c.ports.some((p) => p.containerPort === 5000 && p.hostPort === r.hostPort)) {
    const seen = c.ports.map((p) => `${p.hostIp}:${p.hostPort}->${p.containerPort}`).join(', ') || 'no ports';
    throw new ConflictError(
      'registry-port',
      `container "${r.name}" exists but does not publish host port ${r.hostPort} to 5000 (it publishes ${seen})`,
      `remove it, or set ${setting} to the port it uses (--set ${setting}=...)`,
    );
  }
}

async function startRegistry(ctx: Context, r: Registry, operationId: string): Promise<void> {
  const docker = await ctx.docker();
  if (!(await docker.imageExists(r.image))) {
    throw new EnvironmentError(
      'registry-image-missing',
      `the registry image ${r.image} is not in Docker`,
      `pull it first: docker pull ${r.image}`,
    );
  }
  if (!(await ctx.portProbe.isFree(r.listenAddress, r.hostPort))) {
    throw new ConflictError(
      'port-in-use',
      `host port ${r.listenAddress}:${r.hostPort} for registry "${r.name}" is already in use`,
      `free it, or choose another with --set registry.hostPort=PORT`,
    );
  }
  await docker.runContainer({
    name: r.name,
    image: r.image,
    labels: registryLabels(r.name, operationId),
    publish: [{ containerPort: 5000, hostIp: r.listenAddress, hostPort: r.hostPort }],
    restart: 'always',
  });
  ctx.logger.info(`started registry ${r.name} on ${r.listenAddress}:${r.hostPort}`);
}

/** Makes sure the registry runs and lists `cluster` among its users. */
export async function claimRegistry(ctx: Context, r: Registry, cluster: string, operationId: string): Promise<RegistryRecord> {
  const docker = await ctx.docker();
  const record = await ctx.store.updateRegistry(r.name, async (current) => {
    const existing = await docker.findContainer(r.name);
    if (existing) {
      checkPublishes(existing, r);
      if (existing.state !== 'running') await docker.startContainer(existing.id);
    } else {
      await startRegistry(ctx, r, operationId);
    }
    const createdBy = existing && !current ? 'user' : (current?.createdBy ?? 'kindling');
    const users = [...new Set([...(current?.users ?? []), cluster])].sort();
    return { name: r.name, image: r.image, host: r.host, createdBy, shared: r.shared || (current?.shared ?? false), users };
  });
  return record!;
}

/** Removes `cluster` from the registry's users; removes the container when kindling made it, it is not
 * shared, and nobody uses it any more. Returns whether the container was removed. */
export async function releaseRegistry(ctx: Context, name: string, cluster: string): Promise<boolean> {
  let removed = false;
  await ctx.store.updateRegistry(name, async (current) => {
    if (!current) return undefined;
    const users = current.users.filter((u) => u !== cluster);
    if (users.length > 0 || current.shared || current.createdBy !== 'kindling') return { ...current, users };
    const docker = await ctx.docker();
    const c = await docker.findContainer(name);
    if (c) await docker.removeContainer(c.id);
    removed = true;
    return undefined;
  });
  return removed;
}
