// The Docker CLI's config folder ($DOCKER_CONFIG, else ~/.docker) and the one thing kindling reads from its
// config.json: `currentContext`, the context `docker context use` selected.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../../errors.js';
import { tildePath } from './endpoint.js';

/** Where the Docker CLI keeps config.json, contexts/ and the default TLS files. */
export function dockerConfigDir(env: Record<string, string | undefined>, home: string): string {
  return env.DOCKER_CONFIG || join(home, '.docker');
}

/** The context config.json selects, or undefined when there is no file or no currentContext in it. */
export function currentContext(configDir: string, home: string): { name: string; file: string } | undefined {
  const file = join(configDir, 'config.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let config: unknown;
  try {
    config = text.trim() ? JSON.parse(text) : {};
  } catch (err) {
    throw new InvalidInputError(
      `${tildePath(file, home)} is not valid JSON (${(err as Error).message}), so the current Docker context is unknown`,
      'fix the file (the docker CLI cannot read it either), or choose a context with --docker-context NAME',
    );
  }
  const name = (config as { currentContext?: unknown } | null)?.currentContext;
  return typeof name === 'string' && name ? { name, file } : undefined;
}
