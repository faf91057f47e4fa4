// Finds Docker as the docker CLI does: --docker-context, then DOCKER_HOST, then DOCKER_CONTEXT or
// config.json's currentContext, then the known sockets. The first strategy with an answer decides the
// candidates; an explicit choice is the only candidate. The first candidate to answer a ping wins and is
// logged, so --verbose says which.
import type { DockerClient } from '../docker-client.js';
import type { DockerEndpoint, EndpointInputs, EndpointStrategy } from './endpoint.js';
import { fromContextFlag, fromCurrentContext } from './from-context.js';
import { fromDockerHost } from './from-docker-host.js';
import { knownSockets } from './known-sockets.js';
import { type PingFailure, unreachableError } from './unreachable-error.js';

/** The strategies in the order Docker consults them. */
export function endpointStrategies(inputs: EndpointInputs): EndpointStrategy[] {
  return [fromContextFlag(inputs), fromDockerHost(inputs), fromCurrentContext(inputs), knownSockets(inputs)];
}

/** The candidates to ping, in order. Stops at the first explicit answer, so later strategies are not even read. */
export function endpointCandidates(strategies: EndpointStrategy[]): DockerEndpoint[] {
  const out: DockerEndpoint[] = [];
  for (const strategy of strategies) {
    const found = strategy.candidates();
    if (found.some((e) => e.explicit)) return found;
    for (const e of found) if (!out.some((o) => o.url === e.url)) out.push(e);
  }
  return out;
}

/** Connects to the first candidate that answers; `make` builds a client for one endpoint. */
export async function connectDocker(
  strategies: EndpointStrategy[],
  make: (endpoint: DockerEndpoint) => Promise<DockerClient>,
  log: (msg: string) => void = () => {},
): Promise<DockerClient> {
  const failures: PingFailure[] = [];
  for (const endpoint of endpointCandidates(strategies)) {
    try {
      const client = await make(endpoint);
      await client.ping();
      log(`docker: using ${endpoint.url} (${endpoint.source})${endpoint.podman ? ' [podman]' : ''}`);
      return client;
    } catch (err) {
      failures.push({ endpoint, error: err as Error });
      log(`docker: no answer from ${endpoint.url} (${endpoint.source}): ${(err as Error).message.split('\n')[0]}`);
    }
  }
  throw unreachableError(failures);
}
