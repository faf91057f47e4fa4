// The built-in presets as validated Preset objects, and in-memory variants of them for pure tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_PRESETS_DIR } from '../../../src/presets/load.js';
import type { Preset } from '../../../src/presets/schema.js';
import { parsePreset } from '../../../src/presets/validate.js';

/** The text of a built-in preset file. */
export function builtinPresetText(name: 'kind' | 'k3d'): string {
  return readFileSync(join(BUILTIN_PRESETS_DIR, `${name}.yaml`), 'utf8');
}

/** A built-in preset, parsed, with `changes` applied on top (a fresh object every call). */
export function builtinPreset(name: 'kind' | 'k3d', changes: Partial<Preset> = {}): Preset {
  return { ...parsePreset(builtinPresetText(name), `${name}.yaml`), ...changes };
}
