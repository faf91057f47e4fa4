// Strategy: the sockets Docker Desktop, colima, OrbStack, Rancher Desktop, rootless Docker and podman
// create, in that order, then /var/run/docker.sock. Only sockets that exist are offered, except the last,
// which is always tried so that an error can name it. Never explicit: the next one may answer instead.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DockerEndpoint, EndpointInputs, EndpointStrategy } from './endpoint.js';

/** A socket some Docker-compatible engine creates. */
interface KnownSocket {
  path: string;
  source: string;
  podman?: boolean;
}

/** Every known socket for this home, in the order they are tried. */
export function knownSocketPaths({ env, home, systemRoot = '/' }: EndpointInputs): KnownSocket[] {
  const runtimeDir = env.XDG_RUNTIME_DIR;
  return [
    { path: join(home, '.docker/run/docker.sock'), source: 'Docker Desktop socket' },
    { path: join(home, '.docker/desktop/docker.sock'), source: 'Docker Desktop socket' },
    { path: join(home, '.colima/default/docker.sock'), source: 'colima socket' },
    { path: join(home, '.colima/docker.sock'), source: 'colima socket' },
    { path: join(home, '.orbstack/run/docker.sock'), source: 'OrbStack socket' },
    { path: join(home, '.rd/docker.sock'), source: 'Rancher Desktop socket' },
    ...(runtimeDir
      ? [
          { path: join(runtimeDir, 'docker.sock'), source: 'rootless Docker socket' },
          { path: join(runtimeDir, 'podman/podman.sock'), source: 'podman socket', podman: true },
        ]
      : []),
    { path: join(systemRoot, 'run/podman/podman.sock'), source: 'podman socket', podman: true },
    { path: join(systemRoot, 'var/run/docker.sock'), source: 'default socket' },
  ];
}

/** The known sockets that exist, then the default socket. */
export function knownSockets(inputs: EndpointInputs): EndpointStrategy {
  return {
    name: 'known sockets',
    candidates() {
      const all = knownSocketPaths(inputs);
      const last = all.length - 1;
      return all
        .filter((s, i) => i === last || existsSync(s.path))
        .map((s): DockerEndpoint => ({ url: `unix://${s.path}`, source: s.source, podman: s.podman === true, explicit: false }));
    },
  };
}
