// `presets list` and `presets show`: what presets exist (built-in and the user's) and what one resolves to.
import { BUILTIN_PRESETS_DIR, loadPreset, presetFiles, userPresetsDir, type LoadedPreset } from '../presets/load.js';
import { parsePreset } from '../presets/validate.js';
import { readFile } from 'node:fs/promises';

/** One preset as `presets list` shows it. */
export interface PresetSummary {
  name: string;
  engine: string;
  description: string;
  source: 'built-in' | 'user';
  file: string;
  /** Why it could not be read, when it is broken (it is still listed). */
  error?: string;
}

/** Options of the presets verbs. */
export interface PresetsOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Every preset, built-in and the user's, sorted by name. A broken user preset is listed with its error. */
export async function listPresets(opts: PresetsOptions = {}): Promise<PresetSummary[]> {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const user = userPresetsDir(env);
  const files = await presetFiles({ builtin: BUILTIN_PRESETS_DIR, ...(user ? { user } : {}) });
  return Promise.all(
    files.map(async ({ name, file, builtin }): Promise<PresetSummary> => {
      const source = builtin ? 'built-in' : 'user';
      try {
        const text = await readFile(file, 'utf8');
        const p = /^extends:/m.test(text) ? (await loadPreset(file, { cwd, env })).preset : parsePreset(text, file);
        return { name, engine: p.engine, description: p.description, source, file };
      } catch (err) {
        return { name, engine: '?', description: '', source, file, error: (err as Error).message };
      }
    }),
  );
}

/** One preset fully resolved (extends followed, --set applied), with the files it came from. */
export async function showPreset(opts: PresetsOptions & { preset: string; set?: readonly string[] }): Promise<LoadedPreset> {
  return loadPreset(opts.preset, { cwd: opts.cwd ?? process.cwd(), env: opts.env ?? process.env, set: opts.set ?? [] });
}
