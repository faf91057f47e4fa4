// The error when no candidate answered: every place tried, and a hint that fits the failure. Permission
// denied on a socket means Docker runs but this user may not use it, which "start Docker" would not fix.
import { EnvironmentError } from '../../errors.js';
import type { DockerEndpoint } from './endpoint.js';

/** One candidate that did not answer, and why. */
export interface PingFailure {
  endpoint: DockerEndpoint;
  error: Error;
}

/** The socket refused this user (EACCES). */
export function isPermissionDenied(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'EACCES' || /\bEACCES\b|permission denied/i.test(error.message);
}

/** EnvironmentError (exit 5): docker-permission-denied when a socket refused this user, else docker-unreachable. */
export function unreachableError(failures: PingFailure[]): EnvironmentError {
  const tried = failures.map((f) => `${f.endpoint.url} (${f.endpoint.source}): ${f.error.message.split('\n')[0]}`).join('\n  ');
  const denied = failures.find((f) => f.endpoint.url.startsWith('unix://') && isPermissionDenied(f.error));
  if (denied) {
    const socket = denied.endpoint.url.slice('unix://'.length);
    return new EnvironmentError(
      'docker-permission-denied',
      `Docker is not reachable: permission denied on ${socket} (your user may not use that socket). Tried:\n  ${tried}`,
      denied.endpoint.podman
        ? `use podman's rootless socket (\`systemctl --user enable --now podman.socket\`, then DOCKER_HOST=unix://$XDG_RUNTIME_DIR/podman/podman.sock), or run as a user allowed on ${socket}`
        : `add your user to the docker group (\`sudo usermod -aG docker $USER\`, then log out and back in), or use rootless Docker (\`dockerd-rootless-setuptool.sh install\`, then DOCKER_HOST=unix://$XDG_RUNTIME_DIR/docker.sock)`,
      { socket },
    );
  }
  return new EnvironmentError('docker-unreachable', `Docker is not reachable. Tried:\n  ${tried}`, unreachableHint(failures[0]?.endpoint));
}

function unreachableHint(first: DockerEndpoint | undefined): string {
  if (first?.explicit && first.source === 'DOCKER_HOST') {
    return `start Docker at ${first.url}, or fix DOCKER_HOST (unset it to let kindling search the usual sockets)`;
  }
  if (first?.explicit) {
    return `start Docker for that context (e.g. \`colima start\`, Docker Desktop), or choose another with --docker-context NAME (\`docker context ls\` lists them)`;
  }
  return 'start Docker (Docker Desktop, `colima start`, OrbStack, `sudo systemctl start docker`, or `dockerd`), or point DOCKER_HOST or a Docker context at a running engine';
}
