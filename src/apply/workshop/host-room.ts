// How much memory a Docker host has free for clusters: the machine Docker runs on (GET /info's MemTotal) less what
// its running containers use now (their stats, as `docker stats` shows them); for an engine on this machine, never
// more than this machine's available memory.
import type { Context } from '../../context.js';
import type { HostRoom } from '../../workshop/capacity.js';

/** Measures one host; `context` is '' for the Docker kindling finds by itself. */
export async function measureHostRoom(ctx: Context, context: string, localAvailable: number): Promise<HostRoom> {
  const docker = await ctx.docker();
  const info = await docker.info();
  const running = (await docker.listContainers({})).filter((c) => c.state === 'running');
  const used = await Promise.all(running.map((c) => docker.containerMemory(c.id).catch(() => 0)));
  const local = (docker.endpointInfo?.url ?? docker.endpoint).startsWith('unix://');
  const byDocker = Math.max(0, info.memTotal - used.reduce((a, b) => a + b, 0));
  return { context, freeBytes: local ? Math.min(byDocker, localAvailable) : byDocker, local };
}
