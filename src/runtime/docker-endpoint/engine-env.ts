// The environment kind and k3d run with, so that they talk to the very engine kindling found: DOCKER_HOST,
// the TLS variables when TLS is used (and none inherited otherwise), no DOCKER_CONTEXT to override it, and
// kind's podman provider when the engine is podman.
import type { DockerEndpoint } from './endpoint.js';

/** What the engine env needs to know about an endpoint; a bare url means a plain Docker engine. */
export type EngineEndpoint = Pick<DockerEndpoint, 'url'> & Partial<Pick<DockerEndpoint, 'tls' | 'podman'>>;

/** A copy of `env` pointing the `engine` binary at `endpoint`. */
export function engineEnv(
  env: Record<string, string | undefined>,
  engine: 'kind' | 'k3d',
  endpoint: EngineEndpoint,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...env, DOCKER_HOST: endpoint.url };
  for (const key of ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_TLS', 'DOCKER_CERT_PATH']) delete out[key];
  const tls = endpoint.tls;
  if (tls) {
    if (tls.verify) out.DOCKER_TLS_VERIFY = '1';
    else out.DOCKER_TLS = '1';
    if (tls.certDir) out.DOCKER_CERT_PATH = tls.certDir;
  }
  if (engine === 'kind') {
    if (endpoint.podman) out.KIND_EXPERIMENTAL_PROVIDER = 'podman';
    else delete out.KIND_EXPERIMENTAL_PROVIDER;
  }
  return out;
}
