// A fake home folder laid out as the docker CLI leaves it: config.json, the context store (meta.json and
// TLS files under the sha256 of the context name) and socket files (plain files stand in for sockets).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Writes `text` at `path`, creating its folders. */
export function writeAt(path: string, text = ''): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Writes `{config}` as config.json in the Docker config folder. */
export function writeDockerConfig(configDir: string, config: Record<string, unknown>): void {
  writeAt(join(configDir, 'config.json'), JSON.stringify(config));
}

/** Stores a context as `docker context create NAME --docker host=HOST[,ca=…,cert=…,key=…]` does; returns its meta.json and TLS folder. */
export function writeDockerContext(
  configDir: string,
  name: string,
  host: string,
  opts: { tls?: boolean; skipTlsVerify?: boolean } = {},
): { metaFile: string; tlsDir: string } {
  const id = createHash('sha256').update(name).digest('hex');
  const meta = {
    Name: name,
    Metadata: { Description: `${name} engine` },
    Endpoints: { docker: { Host: host, SkipTLSVerify: opts.skipTlsVerify === true } },
  };
  const metaFile = writeAt(join(configDir, 'contexts', 'meta', id, 'meta.json'), JSON.stringify(meta));
  const tlsDir = join(configDir, 'contexts', 'tls', id, 'docker');
  if (opts.tls) for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeAt(join(tlsDir, f), `${f} of ${name}`);
  return { metaFile, tlsDir };
}
