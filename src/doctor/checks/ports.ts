// The host ports presets bind at fixed numbers (an API server on 6443 or 16443, ingress on 80/443, registries on
// 5000-5003 and 32000), probed as `up`'s preflight does: by the OS and among Docker's published ports. A taken
// port fails `up` of that preset only (exit 4, not 5), so this warns.
import type { Preset } from '../../presets/schema.js';
import type { ContainerInfo } from '../../runtime/docker-client.js';
import { ok, warn, type DoctorCheck } from '../check.js';

/** One fixed host port and what would bind it. */
export interface FixedPort {
  port: number;
  uses: string[];
  /** Registry containers that bind it: `up --registry` reuses one that runs already. */
  registries: string[];
}

/** Every fixed host port of the presets, ascending, with who binds it and when. */
export function fixedPorts(presets: readonly Preset[]): FixedPort[] {
  const byPort = new Map<number, FixedPort>();
  const add = (port: number, use: string, registry?: string) => {
    const f = byPort.get(port) ?? { port, uses: [], registries: [] };
    f.uses.push(use);
    if (registry) f.registries.push(registry);
    byPort.set(port, f);
  };
  for (const p of presets) {
    if (p.apiServer.port !== 0) add(p.apiServer.port, `${p.name} API server`);
    for (const m of p.ports) add(m.hostPort, `${p.name} port mapping`);
    const ingressWhen = p.ingress?.enabled ? '' : ' with --set ingress.enabled=true';
    if (p.ingress?.hostPorts) {
      add(p.ingress.hostPorts.http, `${p.name} ingress${ingressWhen}`);
      add(p.ingress.hostPorts.https, `${p.name} ingress${ingressWhen}`);
    }
    if (p.registry) add(p.registry.hostPort, `${p.name} registry${p.registry.enabled ? '' : ' with --registry'}`, p.registry.name);
  }
  return [...byPort.values()].sort((a, b) => a.port - b.port);
}

const holderOf = (publishing: ContainerInfo[], port: number) =>
  publishing.find((c) => c.ports.some((p) => p.hostPort === port && p.protocol.toLowerCase() === 'tcp'));

/** The fixed ports check. */
export const portsCheck: DoctorCheck = {
  id: 'ports',
  title: 'preset ports',
  blocking: false,
  async run(d) {
    const wanted = fixedPorts(d.presets);
    // Without Docker only the OS is asked; the Docker check reports the rest.
    const publishing = await d.docker().then(
      (docker) => docker.listPublishingContainers(),
      () => [] as ContainerInfo[],
    );
    const probed = await Promise.all(
      wanted.map(async (w) => ({ ...w, holder: holderOf(publishing, w.port), free: await d.ctx.portProbe.isFree('127.0.0.1', w.port) })),
    );
    // A preset's own registry holding its port is reused by `up --registry`, not in the way.
    const reused = probed.filter((p) => p.holder && p.registries.includes(p.holder.name));
    const taken = probed.filter((p) => (p.holder || !p.free) && !reused.includes(p));
    const free = probed.filter((p) => !p.holder && p.free).map((p) => p.port);
    const shared = reused.map((p) => `; ${p.port} held by registry ${p.holder!.name} (reused)`).join('');
    if (taken.length === 0) return ok(`free: ${free.join(', ')}${shared}`);
    const said = taken.map((t) => `${t.port} (${t.uses.join('; ')})${t.holder ? ` held by container ${t.holder.name}` : ''}`);
    return warn(
      `in use: ${said.join(', ')}${free.length > 0 ? `; free: ${free.join(', ')}` : ''}${shared}`,
      `stop what listens there (\`ss -ltnp 'sport = :${taken[0]!.port}'\`), or give the cluster another port (--set apiServer.port=N, --set registry.hostPort=N, --set ingress.hostPorts.http=N)`,
    );
  },
};
