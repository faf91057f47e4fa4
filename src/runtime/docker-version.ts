// What the Docker engine says about itself (the Engine API's GET /version), for `kindling version`. A second,
// optional interface beside DockerClient: a client that has engineVersion() answers itself (test stand-ins);
// any other is asked through dockerode at the endpoint it connected to.
import type { DockerClient } from './docker-client.js';

/** The engine's version, its API version and platform, as `docker version` shows them for the server. */
export interface DockerEngineVersion {
  version: string;
  apiVersion: string;
  os: string;
  arch: string;
}

/** A DockerClient that reports the engine's version itself. */
export interface DockerVersionSource {
  engineVersion(): Promise<DockerEngineVersion>;
}

/** The fields of GET /version kindling reads. */
interface VersionBody {
  Version?: string;
  ApiVersion?: string;
  Os?: string;
  Arch?: string;
}

/** Maps the Engine API's answer to DockerEngineVersion ('' for what it left out). */
export function engineVersionFrom(body: VersionBody): DockerEngineVersion {
  return { version: body.Version ?? '', apiVersion: body.ApiVersion ?? '', os: body.Os ?? '', arch: body.Arch ?? '' };
}

/** Asks the engine `client` is connected to for its version; rejects when the engine does not answer. */
export async function dockerEngineVersion(client: DockerClient, env: Record<string, string | undefined>): Promise<DockerEngineVersion> {
  const own = (client as Partial<DockerVersionSource>).engineVersion;
  if (typeof own === 'function') return own.call(client);
  const [{ default: Dockerode }, { dockerodeOptions, withTimeout }] = await Promise.all([
    import('dockerode'),
    import('./docker-endpoint/dockerode-options.js'),
  ]);
  const endpoint = client.endpointInfo ?? { url: client.endpoint, source: 'the connected endpoint' };
  // ssh2's stream has no setTimeout: withTimeout gives ssh its handshake timeout instead.
  const docker = new Dockerode(withTimeout(dockerodeOptions(endpoint, env), 10_000));
  return engineVersionFrom((await docker.version()) as VersionBody);
}
