// Reads the Docker CLI's context store: contexts/meta/<id>/meta.json and contexts/tls/<id>/docker/, where
// <id> is the sha256 hex digest of the context name (docker/cli cli/context/store, contextdirOf). meta.json
// looks like {"Name":"colima","Metadata":{…},"Endpoints":{"docker":{"Host":"unix:///…","SkipTLSVerify":false}}}.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../../errors.js';
import { tildePath } from './endpoint.js';

/** What a stored context says about its Docker endpoint. */
export interface StoredContext {
  name: string;
  host: string;
  skipTlsVerify: boolean;
  metaFile: string;
  /** The context's TLS folder (ca.pem, cert.pem, key.pem) when it has one. */
  tlsDir?: string;
}

/** The folder name the Docker CLI stores a context under. */
export function contextId(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** The names of every stored context, sorted, with the built-in "default" first. */
export function listContexts(configDir: string): string[] {
  const metaRoot = join(configDir, 'contexts', 'meta');
  const ids = existsSync(metaRoot) ? readdirSync(metaRoot, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  const names = ids.flatMap((d) => {
    try {
      const name = (JSON.parse(readFileSync(join(metaRoot, d.name, 'meta.json'), 'utf8')) as { Name?: unknown }).Name;
      return typeof name === 'string' ? [name] : [];
    } catch {
      return [];
    }
  });
  return ['default', ...names.sort()];
}

/** The stored context `name`, or undefined when the store has none by that name. */
export function readContext(configDir: string, name: string, home: string): StoredContext | undefined {
  const id = contextId(name);
  const metaFile = join(configDir, 'contexts', 'meta', id, 'meta.json');
  if (!existsSync(metaFile)) return undefined;
  const shown = tildePath(metaFile, home);
  let meta: { Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  } catch (err) {
    throw new InvalidInputError(
      `Docker context "${name}": ${shown} is not valid JSON (${(err as Error).message})`,
      `recreate the context (\`docker context rm ${name}\`, then \`docker context create\`), or choose another with --docker-context`,
    );
  }
  const docker = meta?.Endpoints?.docker;
  if (typeof docker?.Host !== 'string' || !docker.Host) {
    throw new InvalidInputError(
      `Docker context "${name}" (${shown}) has no Docker endpoint host`,
      `inspect it with \`docker context inspect ${name}\`, or choose another context with --docker-context`,
    );
  }
  const tlsDir = join(configDir, 'contexts', 'tls', id, 'docker');
  return { name, host: docker.Host, skipTlsVerify: docker.SkipTLSVerify === true, metaFile, ...(existsSync(tlsDir) ? { tlsDir } : {}) };
}
