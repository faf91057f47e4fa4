// kindling's own version, read from its package.json at run time (relative to this module: src/api/ and
// dist/api/ both sit two folders below it), so that it is never written twice.
import { readFileSync } from 'node:fs';

/** The package.json beside src/ and dist/. */
export const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

/** The `version` field of kindling's package.json. Synchronous: `kindling --version` needs it before parsing. */
export function packageVersion(file: URL | string = PACKAGE_JSON): string {
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new Error(`${String(file)} has no version`);
  return version;
}
