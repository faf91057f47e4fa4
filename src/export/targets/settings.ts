// Reads the user's --set values for one target. A missing required value becomes the placeholder
// `replace-me-<key>` (lower-case and dashes, so it also passes name patterns in the upstream schemas); a
// missing optional value leaves the field out so that the target tool's own default applies.
import { InvalidInputError } from '../../errors.js';
import { info, type Finding, type SettingDocs, type Settings, type Target } from './target.js';

const PLACEHOLDER_PREFIX = 'replace-me-';

/** The placeholder written where the setting `key` is needed but was not given. */
export function placeholderFor(key: string): string {
  return `${PLACEHOLDER_PREFIX}${key}`;
}

const PLACEHOLDER = new RegExp(`${PLACEHOLDER_PREFIX}([a-z0-9]+(?:-[a-z0-9]+)*)`, 'g');

/** The setting keys whose placeholders occur in `text`, in order of appearance. */
export function placeholderKeys(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** One target's view of the settings. */
export interface SettingsReader {
  /** The value, or its placeholder. */
  required(key: string): string;
  /** The value, or undefined (remembered for the `settings-defaulted` finding). */
  optional(key: string): string | undefined;
  /** The value, or undefined, for a field the target fills itself when absent (nothing remembered). */
  given(key: string): string | undefined;
  /** One finding naming the optional settings that were not given, if any. */
  defaultedFindings(): Finding[];
}

/** A reader for `target`; `<target>.<key>` wins over `<key>`. Asking for an undocumented key is a bug. */
export function settingsReader(target: string, docs: SettingDocs, settings: Settings): SettingsReader {
  const defaulted: string[] = [];
  const lookup = (key: string): string | undefined => {
    if (!(key in docs)) throw new Error(`${target} reads the undocumented setting "${key}"`);
    return settings[`${target}.${key}`] ?? settings[key];
  };
  return {
    required: (key) => lookup(key) ?? placeholderFor(key),
    given: lookup,
    optional: (key) => {
      const value = lookup(key);
      if (value === undefined && !defaulted.includes(key)) defaulted.push(key);
      return value;
    },
    defaultedFindings: () => {
      if (defaulted.length === 0) return [];
      const keys = defaulted.map((k) => `${k} (${docs[k]})`).join('; ');
      return [info('settings-defaulted', `${target}: not set, so the target's defaults apply: ${keys}`)];
    },
  };
}

function settingProblem(key: string, value: string, targets: readonly Target[]): string | undefined {
  if (value.trim() === '') return `--set ${key}: the value is empty`;
  if (value.includes(PLACEHOLDER_PREFIX)) return `--set ${key}: "${value}" is a placeholder, not a value`;
  const dot = key.indexOf('.');
  const prefix = dot < 0 ? undefined : key.slice(0, dot);
  const scoped = targets.find((t) => t.name === prefix);
  if (prefix !== undefined && !scoped)
    return `--set ${key}: "${prefix}" is not one of the targets (${targets.map((t) => t.name).join(', ')})`;
  const bare = scoped ? key.slice(dot + 1) : key;
  const readers = scoped ? [scoped] : targets;
  if (readers.some((t) => bare in t.settings)) return undefined;
  const known = [...new Set(readers.flatMap((t) => Object.keys(t.settings)))].sort();
  return `--set ${key}: no target uses "${bare}" (known: ${known.join(', ')})`;
}

/** Throws InvalidInputError unless every setting is used by one of `targets`, and none is empty or a placeholder. */
export function checkSettings(targets: readonly Target[], settings: Settings): void {
  const problems = Object.entries(settings)
    .map(([key, value]) => settingProblem(key, value, targets))
    .filter((p): p is string => p !== undefined);
  if (problems.length > 0) {
    throw new InvalidInputError(problems.join('\n'), 'use a key listed above, or <target>.<key> to give one target its own value');
  }
}
