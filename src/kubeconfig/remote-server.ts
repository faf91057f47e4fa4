// Points a kubeconfig at an API server that listens on another machine (a Docker engine reached over tcp:// or
// ssh://): every cluster's server becomes https://HOST:PORT, PORT being the one the engine wrote, and verifies
// the server's certificate under the name localhost.
//
// Why tls-server-name: localhost is safe: the API certificates of kind (kubeadm's certSANs: localhost and the
// apiServerAddress) and of k3s always name localhost, but not necessarily HOST (a name or address of the Docker
// machine neither engine knows). The kubeconfig pins the cluster's own CA (certificate-authority-data), so a
// certificate that verifies under "localhost" against that CA is still that cluster's API server; only the
// name checked changes, not whom the client trusts.
import { isMap, isSeq, parseDocument } from 'yaml';
import { InvalidInputError } from '../errors.js';
import { urlHost } from '../runtime/docker-endpoint/remote-host.js';

/** The name every kind and k3s API certificate carries. */
export const API_CERTIFICATE_NAME = 'localhost';

/** The port of an API server URL as an engine writes it (https://0.0.0.0:PORT); 443 when it names none. */
function portOf(server: string): string {
  if (!URL.canParse(server)) throw new InvalidInputError(`the engine's kubeconfig names server "${server}", which is not a URL`);
  return new URL(server).port || '443';
}

/** The kubeconfig with every cluster's server on `host` (its port kept) and tls-server-name localhost. */
export function pointServersAt(kubeconfig: string, host: string): string {
  const doc = parseDocument(kubeconfig);
  const clusters = doc.get('clusters');
  for (const entry of isSeq(clusters) ? clusters.items : []) {
    const cluster = isMap(entry) ? entry.get('cluster') : undefined;
    if (!isMap(cluster)) continue;
    const server = cluster.get('server');
    if (typeof server !== 'string') continue;
    cluster.set('server', `https://${urlHost(host)}:${portOf(server)}`);
    cluster.set('tls-server-name', API_CERTIFICATE_NAME);
  }
  return doc.toString({ lineWidth: 0 });
}
