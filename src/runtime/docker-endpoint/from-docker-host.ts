// Strategy: DOCKER_HOST, with DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH for tcp://, as the docker
// CLI reads them. An explicit choice: when it does not answer, kindling tries nothing else.
import { existsSync, statSync } from 'node:fs';
import { EnvironmentError } from '../../errors.js';
import { dockerConfigDir } from './docker-config.js';
import { parseDockerUrl } from './docker-url.js';
import { type DockerTls, type EndpointInputs, type EndpointStrategy, looksLikePodman } from './endpoint.js';
import { tlsFromFolder } from './tls-files.js';

/** The endpoint DOCKER_HOST names, if it is set. */
export function fromDockerHost(inputs: EndpointInputs): EndpointStrategy {
  return {
    name: 'DOCKER_HOST',
    candidates() {
      const url = inputs.env.DOCKER_HOST;
      if (!url) return [];
      const address = parseDockerUrl(url, 'DOCKER_HOST');
      const tls = address.scheme === 'tcp' ? tlsFromEnv(inputs) : undefined;
      return [{ url, source: 'DOCKER_HOST', ...(tls ? { tls } : {}), podman: looksLikePodman(url), explicit: true }];
    },
  };
}

/** TLS as the docker CLI turns it on: DOCKER_TLS_VERIFY or DOCKER_TLS set (any value), files from DOCKER_CERT_PATH or the config folder. */
function tlsFromEnv({ env, home }: EndpointInputs): DockerTls | undefined {
  const certPath = env.DOCKER_CERT_PATH;
  if (certPath && !(existsSync(certPath) && statSync(certPath).isDirectory())) {
    throw new EnvironmentError(
      'docker-cert-path-missing',
      `DOCKER_CERT_PATH is "${certPath}", which is not a folder`,
      'point DOCKER_CERT_PATH at the folder holding ca.pem, cert.pem and key.pem for DOCKER_HOST, or unset it',
      { DOCKER_CERT_PATH: certPath },
    );
  }
  const verify = Boolean(env.DOCKER_TLS_VERIFY);
  if (!verify && !env.DOCKER_TLS) return undefined;
  return tlsFromFolder(certPath || dockerConfigDir(env, home), verify);
}
