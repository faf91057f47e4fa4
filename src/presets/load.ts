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

// A preset file's extensions: `.yaml` first (it wins when both exist), then `.yml`.
const EXTENSIONS = ['.yaml', '.yml'];

/** Preset names in `dir` with their files, sorted by name. */
async function presetsIn(dir: string | undefined): Promise<{ name: string; file: string }[]> {
  if (!dir) return [];
  const files = await readdir(dir).catch(() => [] as string[]);
  const found = new Map<string, string>();
  for (const ext of EXTENSIONS) {
    for (const f of files.filter((f) => f.endsWith(ext))) {
      const name = f.slice(0, -ext.length);
      if (!found.has(name)) found.set(name, join(dir, f));
    }
  }
  return [...found].map(([name, file]) => ({ name, file })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Names of the built-in presets, sorted. */
export async function listBuiltinPresets(dir = BUILTIN_PRESETS_DIR): Promise<string[]> {
  return (await presetsIn(dir)).map((p) => p.name);
}

/** Every preset name with the file that defines it (a user preset hides a built-in of the same name). */
export async function presetFiles(dirs: PresetDirs): Promise<{ name: string; file: string; builtin: boolean }[]> {
  const user = await presetsIn(dirs.user);
  const builtin = (await presetsIn(dirs.builtin)).filter((b) => !user.some((u) => u.name === b.name));
  return [...builtin.map((p) => ({ ...p, builtin: true })), ...user.map((p) => ({ ...p, builtin: false }))].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/** `from`: where the reference was written (`mine.yaml: extends: `), or '' for --preset. */
async function readOptional(file: string, ref: string, from: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A path no file can have (below a file, too long, a NUL byte) is not found either.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG' || code === 'ERR_INVALID_ARG_VALUE') return undefined;
    if (code === 'EISDIR')
      throw new InvalidInputError(
        `${from}preset "${ref}" is a folder: ${file}`,
        'give a preset file (--preset ./dir/my-preset.yaml) or a preset name',
      );
    if (code === 'EACCES' || code === 'EPERM') throw new InvalidInputError(`preset file ${file} cannot be read: permission denied`);
    throw err;
  }
}

/** Reads the file a reference names; `exclude` skips a file (a user preset extending the built-in of its name). */
async function readRef(
  ref: string,
  base: string,
  dirs: PresetDirs,
  show: (file: string) => string,
  exclude?: string,
): Promise<{ file: string; text: string }> {
  const named = (dir: string) => EXTENSIONS.map((ext) => join(dir, `${ref}${ext}`));
  const candidates = isPresetPath(ref) ? [resolve(base, ref)] : [...(dirs.user ? named(dirs.user) : []), ...named(dirs.builtin)];
  for (const file of candidates.filter((f) => f !== exclude)) {
    const text = await readOptional(file, ref, exclude === undefined ? '' : `${show(exclude)}: extends: `);
    if (text !== undefined) return { file, text };
  }
  if (exclude !== undefined && candidates.includes(exclude)) {
    throw new InvalidInputError(
      `${show(exclude)}: extends: "${ref}" names this preset itself`,
      isPresetPath(ref) ? 'extend another file or a built-in preset (kind, k3d, ...)' : `there is no other preset named "${ref}" to extend`,
    );
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
    const { file, text } = await readRef(next.ref, next.base, dirs, (f) => shown(f, opts.cwd), next.exclude);
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
