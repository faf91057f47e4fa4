// Finds a preset by name (built-in folder) or by path (a user's file), reads it and validates it.
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotFoundError } from '../errors.js';
import type { Preset } from './schema.js';
import { parsePreset } from './validate.js';

/** The presets/ folder shipped with the package (works from src/ under vitest and from dist/). */
export const BUILTIN_PRESETS_DIR = fileURLToPath(new URL('../../presets/', import.meta.url));

/** The default preset when none is named. */
export const DEFAULT_PRESET = 'k3d';

/** A loaded preset and where it came from. */
export interface LoadedPreset {
  preset: Preset;
  /** The file read, for messages and for the spec's provenance. */
  file: string;
}

/** True when the reference names a file rather than a preset name. */
export function isPresetPath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || /\.ya?ml$/.test(ref);
}

/** Names of the built-in presets, sorted. */
export async function listBuiltinPresets(dir = BUILTIN_PRESETS_DIR): Promise<string[]> {
  const files = await readdir(dir);
  return files.filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
}

/** Loads `ref` (a name or a path, relative to `cwd`). */
export async function loadPreset(ref: string, opts: { cwd: string; dir?: string }): Promise<LoadedPreset> {
  const dir = opts.dir ?? BUILTIN_PRESETS_DIR;
  const file = isPresetPath(ref) ? resolve(opts.cwd, ref) : join(dir, `${ref}.yaml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const known = await listBuiltinPresets(dir).catch(() => []);
    throw new NotFoundError(
      'preset',
      isPresetPath(ref) ? `preset file not found: ${file}` : `no preset named "${ref}"`,
      `built-in presets: ${known.join(', ')}; or pass a file: --preset ./my-preset.yaml`,
    );
  }
  const shown = isAbsolute(ref) ? file : relative(opts.cwd, file) || file;
  return { preset: parsePreset(text, shown.startsWith('..') ? file : shown), file };
}
