// Checks a Docker host URL as Docker reads it (DOCKER_HOST, a context's Host) and splits it into parts, so
// a malformed one fails early with a typed error naming where it came from instead of "Invalid URL".
import { InvalidInputError } from '../../errors.js';

/** A checked Docker URL: a socket path, or a host and port (tcp, ssh). */
export type DockerAddress =
  | { scheme: 'unix' | 'npipe'; path: string }
  | { scheme: 'tcp'; host: string; port?: number }
  | { scheme: 'ssh'; host: string; port?: number; username?: string };

const SCHEMES = ['unix', 'npipe', 'tcp', 'ssh'];

/** Parses `url`; `where` names its origin for the error (e.g. `DOCKER_HOST`, `context "colima" (~/…/meta.json)`). */
export function parseDockerUrl(url: string, where: string): DockerAddress {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (!scheme) {
    const fix = url.startsWith('/') ? `unix://${url}` : `tcp://${url}`;
    throw new InvalidInputError(
      `${where} is "${url}": a Docker host needs a scheme`,
      `write it as ${fix} (the forms Docker accepts: unix:///path/to/docker.sock, tcp://host:port, ssh://user@host)`,
      { value: url },
    );
  }
  if (!SCHEMES.includes(scheme)) {
    throw new InvalidInputError(
      `${where} is "${url}": kindling does not speak ${scheme}://`,
      'use unix:///path/to/docker.sock, tcp://host:port or ssh://user@host',
      { value: url },
    );
  }
  const rest = url.slice(scheme.length + 3);
  if (scheme === 'unix' || scheme === 'npipe') {
    if (!rest)
      throw new InvalidInputError(`${where} is "${url}": the socket path is missing`, `write it as ${scheme}:///path/to/docker.sock`);
    return { scheme, path: rest };
  }
  return hostAndPort(scheme as 'tcp' | 'ssh', url, where);
}

function hostAndPort(scheme: 'tcp' | 'ssh', url: string, where: string): DockerAddress {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  const host = parsed?.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!parsed || !host) {
    throw new InvalidInputError(`${where} is "${url}": the host is missing or malformed`, `write it as ${scheme}://host:port`, {
      value: url,
    });
  }
  const port = parsed.port ? Number(parsed.port) : undefined;
  if (scheme === 'tcp') return { scheme, host, ...(port ? { port } : {}) };
  return { scheme, host, ...(port ? { port } : {}), ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}) };
}
