// Strategy: a Docker context, chosen by --docker-context, else DOCKER_CONTEXT, else config.json's
// currentContext, resolved through the context store to its host and TLS files. An explicit choice; the
// "default" context means "no context": the search goes on.
import { InvalidInputError } from '../../errors.js';
import { readContext, listContexts } from './context-store.js';
import { currentContext, dockerConfigDir } from './docker-config.js';
import { parseDockerUrl } from './docker-url.js';
import { type DockerEndpoint, type EndpointInputs, type EndpointStrategy, looksLikePodman, tildePath } from './endpoint.js';
import { tlsFromFolder } from './tls-files.js';

/** Which context the user chose and where they said so. */
interface ContextChoice {
  name: string;
  said: string;
}

/** The context --docker-context names (it outranks DOCKER_HOST, as `docker --context` does). */
export function fromContextFlag(inputs: EndpointInputs): EndpointStrategy {
  return {
    name: '--docker-context',
    candidates: () =>
      inputs.dockerContext ? resolve(inputs, { name: inputs.dockerContext, said: `--docker-context ${inputs.dockerContext}` }) : [],
  };
}

/** The context DOCKER_CONTEXT or config.json selects; ignored when --docker-context was given. */
export function fromCurrentContext(inputs: EndpointInputs): EndpointStrategy {
  return {
    name: 'DOCKER_CONTEXT / currentContext',
    candidates() {
      if (inputs.dockerContext) return [];
      const fromEnv = inputs.env.DOCKER_CONTEXT;
      if (fromEnv) return resolve(inputs, { name: fromEnv, said: `DOCKER_CONTEXT=${fromEnv}` });
      const current = currentContext(dockerConfigDir(inputs.env, inputs.home), inputs.home);
      return current
        ? resolve(inputs, { name: current.name, said: `currentContext ${current.name} in ${tildePath(current.file, inputs.home)}` })
        : [];
    },
  };
}

function resolve({ env, home }: EndpointInputs, choice: ContextChoice): DockerEndpoint[] {
  if (choice.name === 'default') return [];
  const configDir = dockerConfigDir(env, home);
  const stored = readContext(configDir, choice.name, home);
  if (!stored) {
    throw new InvalidInputError(
      `Docker context "${choice.name}" (${choice.said}) does not exist; contexts found: ${listContexts(configDir).join(', ')}`,
      `use one of those (see \`docker context ls\`), or create it with \`docker context create ${choice.name} --docker host=…\``,
      { context: choice.name, configDir },
    );
  }
  const source = `${choice.said} (${tildePath(stored.metaFile, home)})`;
  const address = parseDockerUrl(stored.host, `Docker context "${choice.name}" (${tildePath(stored.metaFile, home)})`);
  const useTls = address.scheme === 'tcp' && (stored.tlsDir !== undefined || stored.skipTlsVerify);
  const tls = useTls ? (stored.tlsDir ? tlsFromFolder(stored.tlsDir, !stored.skipTlsVerify) : { verify: false }) : undefined;
  return [{ url: stored.host, source, ...(tls ? { tls } : {}), podman: looksLikePodman(stored.host), explicit: true }];
}
