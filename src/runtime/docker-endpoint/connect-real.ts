// The real connection: the endpoint strategies over this machine, and a dockerode client per candidate.
// The client carries the endpoint it was built for, so the engine binaries get the same one, and answers
// engineVersion() itself over the same connection (a second client with a socket timeout would fail over ssh).
import { homedir } from 'node:os';
import type { DockerClient } from '../docker-client.js';
import { engineVersionFrom, type DockerVersionSource } from '../docker-version.js';
import { dockerodeOptions, withTimeout } from './dockerode-options.js';
import type { EndpointInputs } from './endpoint.js';
import { connectDocker, endpointStrategies } from './find-endpoint.js';

/** Where to look besides the environment; all optional. */
export interface ConnectOptions extends Partial<Omit<EndpointInputs, 'env'>> {
  /** Debug messages: each candidate that did not answer, and the one used. */
  log?: (msg: string) => void;
}

/** Connects to the Docker engine Docker itself would use (home defaults to $HOME, else the OS's). */
export async function connectRealDocker(env: Record<string, string | undefined>, opts: ConnectOptions = {}): Promise<DockerClient> {
  const [{ default: Dockerode }, { dockerodeClient }] = await Promise.all([import('dockerode'), import('../dockerode-client.js')]);
  const inputs: EndpointInputs = {
    env,
    home: opts.home ?? env.HOME ?? homedir(),
    ...(opts.dockerContext ? { dockerContext: opts.dockerContext } : {}),
    ...(opts.systemRoot ? { systemRoot: opts.systemRoot } : {}),
  };
  return connectDocker(
    endpointStrategies(inputs),
    async (endpoint) => {
      const docker = new Dockerode(withTimeout(dockerodeOptions(endpoint, env), 10_000));
      const client: DockerClient & DockerVersionSource = {
        ...dockerodeClient(docker, endpoint.url),
        endpointInfo: endpoint,
        engineVersion: async () => engineVersionFrom(await docker.version()),
      };
      return client;
    },
    opts.log,
  );
}
