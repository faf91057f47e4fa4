// Where this machine reaches the API server of a cluster on a Docker engine: on an engine of this machine, the
// loopback address the engine's kubeconfig names; on an engine of another machine H (tcp://H, ssh://H), H when
// the API server listens on all of H's interfaces (apiServer.address 0.0.0.0), else the address it listens on.
// A loopback apiServer.address on another machine is refused: 127.0.0.1 of H is out of this machine's reach.
// Listening beyond localhost stays the user's choice (--set apiServer.address=0.0.0.0), never kindling's.
import { InvalidInputError } from '../../errors.js';
import type { ClusterSpec } from '../../model/cluster-spec.js';
import { isLoopbackHost, remoteDockerHost, urlHost } from '../../runtime/docker-endpoint/remote-host.js';

/** The host to name in the kubeconfig for a cluster on the engine at `dockerEndpoint`; undefined on this machine. */
export function remoteApiHost(spec: Pick<ClusterSpec, 'apiServer'>, dockerEndpoint: string): string | undefined {
  const remote = remoteDockerHost(dockerEndpoint);
  if (!remote) return undefined;
  const { address } = spec.apiServer;
  if (isLoopbackHost(address)) throw unreachableApi(remote, dockerEndpoint, address);
  return address === '0.0.0.0' ? remote : address;
}

/** Refuses (unreachableApi) an API server on a loopback address of another machine; says where it will answer. */
export function checkApiReachable(spec: Pick<ClusterSpec, 'apiServer'>, dockerEndpoint: string): string {
  const host = remoteApiHost(spec, dockerEndpoint);
  const { address } = spec.apiServer;
  return host
    ? `the API server listens on ${address} of ${remoteDockerHost(dockerEndpoint)}; the kubeconfig names https://${urlHost(host)}`
    : `the API server listens on ${address} of this machine`;
}

/** The InvalidInputError (exit 2) for an API server on a loopback address of another machine. */
export function unreachableApi(remote: string, dockerEndpoint: string, address: string): InvalidInputError {
  return new InvalidInputError(
    `the Docker engine (${dockerEndpoint}) runs on another machine, ${remote}: the API server would listen on ${address} of ${remote}, which this machine cannot reach`,
    `pass --set apiServer.address=0.0.0.0: it then listens on all of ${remote}'s interfaces, so ${remote}'s network can reach it ` +
      '(the same --set works for `kindling workshop up`); or use a Docker engine on this machine',
    { dockerEndpoint, address },
  );
}
