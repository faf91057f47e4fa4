// Finds a Docker engine with ordered strategies: DOCKER_HOST first, then the usual sockets. The first to
// answer a ping wins; if none does, the error lists every place that was tried.
import { EnvironmentError } from '../errors.js';
import type { DockerClient } from './docker-client.js';

/** One place a Docker engine may listen. */
export interface DockerEndpoint {
  /** As Docker writes it: unix:///path or tcp://host:port. */
  url: string;
  source: string;
}

/** The candidates, in order, from the environment given (not process.env). */
export function dockerEndpoints(env: Record<string, string | undefined>): DockerEndpoint[] {
  const out: DockerEndpoint[] = [];
  if (env.DOCKER_HOST) out.push({ url: env.DOCKER_HOST, source: 'DOCKER_HOST' });
  out.push({ url: 'unix:///var/run/docker.sock', source: 'default socket' });
  if (env.HOME) out.push({ url: `unix://${env.HOME}/.docker/run/docker.sock`, source: 'Docker Desktop socket' });
  if (env.XDG_RUNTIME_DIR) out.push({ url: `unix://${env.XDG_RUNTIME_DIR}/docker.sock`, source: 'rootless socket' });
  return out.filter((e, i) => out.findIndex((o) => o.url === e.url) === i);
}

/** dockerode constructor options for an endpoint URL. */
export function dockerodeOptions(url: string): { socketPath: string } | { host: string; port: number; protocol: 'http' | 'https' } {
  if (url.startsWith('unix://')) return { socketPath: url.slice('unix://'.length) };
  const u = new URL(url.replace(/^tcp:/, 'http:'));
  return { host: u.hostname, port: Number(u.port || 2375), protocol: 'http' };
}

/** Connects to the first endpoint that answers; `make` builds a client for one endpoint. */
export async function connectDocker(
  env: Record<string, string | undefined>,
  make: (endpoint: DockerEndpoint) => Promise<DockerClient>,
  log: (msg: string) => void = () => {},
): Promise<DockerClient> {
  const tried: string[] = [];
  for (const endpoint of dockerEndpoints(env)) {
    const client = await make(endpoint);
    try {
      await client.ping();
      log(`docker: using ${endpoint.url} (${endpoint.source})`);
      return client;
    } catch (err) {
      tried.push(`${endpoint.url} (${endpoint.source}): ${(err as Error).message.split('\n')[0]}`);
      // DOCKER_HOST is an explicit choice: do not silently fall back to another engine.
      if (endpoint.source === 'DOCKER_HOST') break;
    }
  }
  throw new EnvironmentError(
    'docker-unreachable',
    `Docker is not reachable. Tried:\n  ${tried.join('\n  ')}`,
    'start Docker (Docker Desktop, `sudo systemctl start docker`, or `dockerd`), or point DOCKER_HOST at a running engine',
  );
}

/** The real connection: dockerode per endpoint. */
export async function connectRealDocker(env: Record<string, string | undefined>, log?: (msg: string) => void): Promise<DockerClient> {
  const [{ default: Dockerode }, { dockerodeClient }] = await Promise.all([import('dockerode'), import('./dockerode-client.js')]);
  return connectDocker(env, async (e) => dockerodeClient(new Dockerode({ ...dockerodeOptions(e.url), timeout: 10_000 }), e.url), log);
}
