// Turns preset YAML text into a Preset or a PresetInvalidError whose issues point at file:line:column and
// the dotted field path. Pure: takes text and a file name, touches nothing.
import { isMap, isPair, isScalar, LineCounter, parseDocument, Parser, type CST, type Document, type Node } from 'yaml';
import type { core } from 'zod';
import { PresetInvalidError, type PresetIssue } from '../errors.js';
import { PresetSchema, type Preset } from './schema.js';

type Path = readonly PropertyKey[];

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}

function valueAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** One readable sentence per schema issue. */
function message(issue: core.$ZodIssue, input: unknown): string {
  const got = describe(valueAt(input, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'number' ? 'a number' : issue.expected === 'string' ? 'a string' : issue.expected}, got ${got}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}, got ${got}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}, got ${got}`;
    case 'invalid_key':
      return `key ${JSON.stringify(String(issue.path.at(-1)))}: ${issue.issues[0]?.message ?? issue.message}`;
    default:
      return `${issue.message}, got ${got}`;
  }
}

/** The closest node to `path` that exists in the document (the key itself for unknown keys). */
function locate(doc: Document, path: Path, unknownKey?: string): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node === undefined || node === null) continue;
    if (unknownKey !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === unknownKey);
      if (pair && isScalar(pair.key)) return pair.key;
    }
    return node;
  }
  return undefined;
}

function position(lc: LineCounter, node: Node | undefined): { line: number; column: number } {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/** A document a preset's fields came from: a file, or a --set flag. */
export interface PresetSource {
  /** The file name as shown in messages, or `--set key=value`. */
  file: string;
  data: unknown;
  /** Where this source wrote the node at `path` (or the key `key` of the map there); undefined if it did not. */
  written(path: Path, key?: string): { line: number; column: number } | undefined;
  /** The closest position this source has for `path` (its parent, or the top). */
  closest(path: Path, key?: string): { line: number; column: number };
}

/** How many collections deep a preset's YAML may nest; its deepest field (customAddons[].manifests[].url) is in the 5th. */
export const MAX_PRESET_DEPTH = 64;

const TOO_DEEP = `YAML: nested deeper than ${MAX_PRESET_DEPTH} levels (a preset's fields nest 5 at most): write it flatter`;

/** The offset of the first collection nested deeper than MAX_PRESET_DEPTH, read without recursion (yaml's composer recurses). */
function tooDeepAt(text: string): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = [...new Parser().parse(text)].map((t) => [t, 0]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [token, depth] = next;
    if (token?.type === 'document') stack.push([token.value, depth]);
    else if (token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection') {
      if (depth >= MAX_PRESET_DEPTH) return token.offset;
      for (const item of token.items as { key?: CST.Token | null; value?: CST.Token }[])
        stack.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}

/** True when data is nested deeper than `left` levels; aliases count, and one inside the node it names never ends. */
function deeperThan(data: unknown, left: number): boolean {
  if (data === null || typeof data !== 'object') return false;
  if (left === 0) return true;
  return Object.values(data).some((v) => deeperThan(v, left - 1));
}

/** Reads preset YAML into a source (data + positions). YAML syntax errors throw PresetInvalidError. */
export function readPresetSource(text: string, file: string): PresetSource {
  const lc = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const line = text.slice(0, deep).split('\n').length;
    const column = deep - text.lastIndexOf('\n', deep - 1);
    throw new PresetInvalidError([{ file, line, column, path: '', message: TOO_DEEP }]);
  }
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new PresetInvalidError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        const text = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        const message =
          e.code === 'MULTIPLE_DOCS'
            ? 'a preset file holds one YAML document, this one has more (a `---` line starts another): put each preset in its own file'
            : `YAML: ${text}`;
        return { file, line: pos.line, column: pos.col, path: '', message };
      }),
    );
  }
  let data: unknown;
  try {
    // A preset has no reason for many aliases: a few hundred nodes made of aliases is a YAML bomb.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // A stack overflow: aliases inside aliases nest the data deeper than the text does.
    const message = err instanceof RangeError ? TOO_DEEP : `YAML: ${(err as Error).message} (aliases expand too far): write the values out`;
    throw new PresetInvalidError([{ file, line: 1, column: 1, path: '', message }]);
  }
  if (deeperThan(data, MAX_PRESET_DEPTH)) {
    const top = data as Record<string, unknown>;
    const key = Array.isArray(data) ? undefined : Object.keys(top).find((k) => deeperThan(top[k], MAX_PRESET_DEPTH - 1));
    const at = key === undefined ? { line: 1, column: 1 } : position(lc, doc.getIn([key], true) as Node | undefined);
    throw new PresetInvalidError([{ file, ...at, path: key ?? '', message: TOO_DEEP }]);
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    const what = Array.isArray(data) ? 'a list' : `a ${typeof data}`;
    throw new PresetInvalidError([
      {
        file,
        line: 1,
        column: 1,
        path: '',
        message: `expected a mapping (apiVersion: kindling.dev/v1alpha1, kind: Preset, ...), got ${what}`,
      },
    ]);
  }
  return {
    file,
    data,
    written(path, key) {
      const node = doc.getIn(path as unknown[], true) as Node | undefined;
      if (node === undefined || node === null) return undefined;
      if (key === undefined) return position(lc, node);
      const pair = isMap(node) ? node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key) : undefined;
      return pair && isScalar(pair.key) ? position(lc, pair.key) : undefined;
    },
    closest: (path, key) => position(lc, locate(doc, path, key)),
  };
}

/** A --set flag as a source: it "wrote" its own path and everything under it. */
export function setFlagSource(flag: string, path: readonly string[]): PresetSource {
  // It wrote its path and everything under it, and made every map along it (`--set name.first=x` makes `name` one).
  const covers = (p: Path) =>
    path.every((k, i) => String(p[i]) === k) || (p.length > 0 && p.length < path.length && p.every((k, i) => String(k) === path[i]));
  // An unknown key the flag made (`--set foo.bar=1` adds `foo`): the key is on the flag's path.
  const made = (p: Path, key: string) => [...p, key].every((k, i) => path[i] === String(k));
  return {
    file: `--set ${flag}`,
    data: undefined,
    written: (p, key) =>
      covers(key === undefined ? p : [...p, key]) || (key !== undefined && made(p, key)) ? { line: 0, column: 0 } : undefined,
    closest: () => ({ line: 0, column: 0 }),
  };
}

/** Validates merged preset data; each issue is placed in the first source that wrote the field. */
export function validatePreset(input: unknown, sources: readonly PresetSource[]): Preset {
  const result = PresetSchema.safeParse(input);
  if (result.success) return result.data;
  const issues: PresetIssue[] = [];
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      // A bad record key is located at the key itself, not at its value.
      const [path, k] = issue.code === 'invalid_key' ? [issue.path.slice(0, -1), String(issue.path.at(-1))] : [issue.path, key];
      const source = sources.find((s) => s.written(path, k) !== undefined) ?? sources[sources.length - 1]!;
      const { line, column } = source.written(path, k) ?? source.closest(path, k);
      const fullPath = key === undefined ? issue.path : [...issue.path, key];
      issues.push({
        file: source.file,
        line,
        column,
        path: fullPath.map(String).join('.'),
        message: key === undefined ? message(issue, input) : 'unknown field',
      });
    }
  }
  throw new PresetInvalidError(issues);
}

/** Parses and validates one preset file's text. Throws PresetInvalidError listing every issue. */
export function parsePreset(text: string, file: string): Preset {
  const source = readPresetSource(text, file);
  return validatePreset(source.data, [source]);
}
