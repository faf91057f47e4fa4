// Finds a preset by name (the user's preset folder, then the built-in one) or by path, follows its
// `extends` chain, applies --set overrides, and validates the result once.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError, NotFoundError } from '../errors.js';
import type { Preset } from './schema.js';
import { applySetFlags } from './set-flags.js';
import { readPresetSource, validatePreset, type PresetSource } from './validate.js';

/** The presets/ folder shipped with the package (works from src/ under vitest and from dist/). */
export const BUILTIN_PRESETS_DIR = fileURLToPath(new URL('../../presets/', import.meta.url));

/** The default preset when none is named. */
export const DEFAULT_PRESET = 'k3d';

/** How deep `extends` may chain. */
const MAX_EXTENDS = 8;

/** A loaded preset and where it came from. */
export interface LoadedPreset {
  preset: Preset;
  /** The file read, for messages and for the spec's provenance. */
  file: string;
  /** Every file of the `extends` chain, the preset's own first. */
  chain: string[];
}

/** Where presets are looked up by name. */
export interface PresetDirs {
  /** The user's folder ($XDG_CONFIG_HOME/kindling/presets, else ~/.config/kindling/presets), if known. */
  user?: string;
  builtin: string;
}

/** Options of loadPreset. */
export interface LoadOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Overrides `key.path=value`, applied after `extends`. */
  set?: readonly string[];
  /** Replaces the built-in folder (tests). */
  dir?: string;
}

/** True when the reference names a file rather than a preset name. */
export function isPresetPath(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || /\.ya?ml$/.test(ref);
}

/** The user's preset folder for an environment. */
export function userPresetsDir(env: Record<string, string | undefined>): string | undefined {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'kindling', 'presets');
  return env.HOME ? join(env.HOME, '.config', 'kindling', 'presets') : undefined;
}

async function yamlNames(dir: string | undefined): Promise<string[]> {
  if (!dir) return [];
  const files = await readdir(dir).catch(() => [] as string[]);
  return files
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** Names of the built-in presets, sorted. */
export async function listBuiltinPresets(dir = BUILTIN_PRESETS_DIR): Promise<string[]> {
  return yamlNames(dir);
}

/** Every preset name with the file that defines it (a user preset hides a built-in of the same name). */
export async function presetFiles(dirs: PresetDirs): Promise<{ name: string; file: string; builtin: boolean }[]> {
  const user = await yamlNames(dirs.user);
  const builtin = (await yamlNames(dirs.builtin)).filter((n) => !user.includes(n));
  return [
    ...builtin.map((name) => ({ name, file: join(dirs.builtin, `${name}.yaml`), builtin: true })),
    ...user.map((name) => ({ name, file: join(dirs.user!, `${name}.yaml`), builtin: false })),
  ].sort((a, b) => a.name.localeCompare(b.name));
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Reads the file a reference names; `exclude` skips a file (a user preset extending the built-in of its name). */
async function readRef(ref: string, base: string, dirs: PresetDirs, exclude?: string): Promise<{ file: string; text: string }> {
  const candidates = isPresetPath(ref)
    ? [resolve(base, ref)]
    : [...(dirs.user ? [join(dirs.user, `${ref}.yaml`)] : []), join(dirs.builtin, `${ref}.yaml`)];
  for (const file of candidates.filter((f) => f !== exclude)) {
    const text = await readOptional(file);
    if (text !== undefined) return { file, text };
  }
  const known = (await presetFiles(dirs).catch(() => [])).map((p) => p.name);
  throw new NotFoundError(
    'preset',
    isPresetPath(ref) ? `preset file not found: ${candidates[0]}` : `no preset named "${ref}"`,
    `presets: ${known.join(', ')} (see \`kindling presets list\`); or pass a file: --preset ./my-preset.yaml`,
  );
}

/** Child over base: maps merge key by key, anything else (lists included) is replaced. */
function overlay(base: unknown, child: unknown): unknown {
  if (base && child && typeof base === 'object' && typeof child === 'object' && !Array.isArray(base) && !Array.isArray(child)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(child)) out[k] = k in out ? overlay(out[k], v) : v;
    return out;
  }
  return child;
}

function shown(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Loads `ref` (a name or a path, relative to `cwd`), following `extends`, then applying `set`. */
export async function loadPreset(ref: string, opts: LoadOptions): Promise<LoadedPreset> {
  const dirs: PresetDirs = { builtin: opts.dir ?? BUILTIN_PRESETS_DIR, ...(opts.env ? { user: userPresetsDir(opts.env) } : {}) };
  const sources: PresetSource[] = [];
  const chain: string[] = [];
  let data: unknown = {};
  let next: { ref: string; base: string; exclude?: string } | undefined = { ref, base: opts.cwd };
  while (next) {
    const { file, text } = await readRef(next.ref, next.base, dirs, next.exclude);
    if (chain.includes(file))
      throw new InvalidInputError(`preset "extends" loops: ${[...chain, file].map((f) => shown(f, opts.cwd)).join(' -> ')}`);
    if (chain.length >= MAX_EXTENDS)
      throw new InvalidInputError(
        `preset "extends" chain is longer than ${MAX_EXTENDS}: ${chain.map((f) => shown(f, opts.cwd)).join(' -> ')}`,
      );
    chain.push(file);
    const source = readPresetSource(text, shown(file, opts.cwd));
    sources.push(source);
    const { extends: parent, ...own } = (source.data ?? {}) as Record<string, unknown>;
    data = overlay(own, data);
    if (parent !== undefined && typeof parent !== 'string') {
      throw new InvalidInputError(`${source.file}: extends: expected a preset name or file, got ${JSON.stringify(parent)}`);
    }
    next = parent === undefined ? undefined : { ref: parent, base: dirname(file), exclude: file };
  }
  const { data: final, sources: setSources } = applySetFlags(data, opts.set ?? []);
  return { preset: validatePreset(final, [...setSources, ...sources]), file: chain[0]!, chain };
}
