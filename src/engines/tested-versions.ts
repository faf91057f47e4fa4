// The kind and k3d releases kindling is tested against (the integration tier builds exactly these:
// scripts/test-env/build-engines.sh), newest first, for `kindling version` to compare with what is installed.
import type { EngineName } from '../presets/schema.js';

/** Per engine, the releases the integration tests run on, newest first. */
export const TESTED_ENGINE_VERSIONS: Readonly<Record<EngineName, readonly string[]>> = {
  kind: ['v0.33.0', 'v0.32.0'],
  k3d: ['v5.9.0'],
};

/** True when `version` (e.g. v0.33.0, or v0.33.0-alpha+abc) is one of the tested releases. */
export function isTestedVersion(engine: EngineName, version: string): boolean {
  return TESTED_ENGINE_VERSIONS[engine].includes(version);
}
