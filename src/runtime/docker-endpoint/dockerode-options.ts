// dockerode constructor options for an endpoint: a socket path, tcp over http or https with the TLS files
// read, or ssh with the user's ssh-agent; and how a timeout is set on each.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import type Dockerode from 'dockerode';
import { parseDockerUrl } from './docker-url.js';
import type { DockerEndpoint } from './endpoint.js';

/** dockerode's options plus the https agent it hands on to docker-modem (missing from its types). */
export type DockerodeOptions = Dockerode.DockerOptions & { agent?: Agent };

/** The options for `new Dockerode(...)`; `read` reads a TLS file (tests pass their own). */
export function dockerodeOptions(
  endpoint: Pick<DockerEndpoint, 'url' | 'tls' | 'source'>,
  env: Record<string, string | undefined> = {},
  read: (path: string) => Buffer = (path) => readFileSync(path),
): DockerodeOptions {
  const address = parseDockerUrl(endpoint.url, endpoint.source);
  switch (address.scheme) {
    case 'unix':
    case 'npipe':
      return { socketPath: address.path };
    case 'ssh':
      return {
        protocol: 'ssh',
        host: address.host,
        port: address.port ?? 22,
        ...(address.username ? { username: address.username } : {}),
        ...(env.SSH_AUTH_SOCK ? { sshOptions: { agent: env.SSH_AUTH_SOCK } } : {}),
      };
    case 'tcp': {
      const tls = endpoint.tls;
      if (!tls) return { host: address.host, port: address.port ?? 2375, protocol: 'http' };
      return {
        host: address.host,
        port: address.port ?? 2376,
        protocol: 'https',
        ...(tls.ca ? { ca: read(tls.ca) } : {}),
        ...(tls.cert ? { cert: read(tls.cert) } : {}),
        ...(tls.key ? { key: read(tls.key) } : {}),
        ...(tls.verify ? {} : { agent: new Agent({ rejectUnauthorized: false }) }),
      };
    }
  }
}

/**
 * `options` with a timeout of `ms`. Over ssh it bounds the ssh handshake (ssh2's readyTimeout) instead of each
 * request: Node applies a request timeout with socket.setTimeout, which the ssh2 channel docker-modem hands
 * to http lacks, so a `timeout` would make every request over ssh throw an uncaught TypeError.
 */
export function withTimeout(options: DockerodeOptions, ms: number): DockerodeOptions {
  if (options.protocol !== 'ssh') return { ...options, timeout: ms };
  return { ...options, sshOptions: { ...options.sshOptions, readyTimeout: ms } };
}
