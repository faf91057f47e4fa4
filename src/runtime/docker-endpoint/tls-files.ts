// The client TLS material in one folder, as Docker reads it: ca.pem, cert.pem and key.pem, each used when
// present (Docker skips a missing one too). Shared by DOCKER_CERT_PATH and a context's TLS folder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DockerTls } from './endpoint.js';

/** The TLS files present in `certDir`; `verify` false skips checking the server's certificate. */
export function tlsFromFolder(certDir: string, verify: boolean): DockerTls {
  const file = (name: string) => {
    const path = join(certDir, name);
    return existsSync(path) ? path : undefined;
  };
  const [ca, cert, key] = [file('ca.pem'), file('cert.pem'), file('key.pem')];
  return { certDir, verify, ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}
