// Turns preset YAML text into a Preset or a PresetInvalidError whose issues point at file:line:column and
// the dotted field path. Pure: takes text and a file name, touches nothing.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

/** Parses and validates one preset file's text. Throws PresetInvalidError listing every issue. */
export function parsePreset(text: string, file: string): Preset {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new PresetInvalidError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        const text = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return { file, line: pos.line, column: pos.col, path: '', message: `YAML: ${text}` };
      }),
    );
  }
  const input: unknown = doc.toJS();
  const result = PresetSchema.safeParse(input);
  if (result.success) return result.data;
  const issues: PresetIssue[] = [];
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) {
      // A bad record key is located at the key itself, not at its value.
      const node =
        issue.code === 'invalid_key' ? locate(doc, issue.path.slice(0, -1), String(issue.path.at(-1))) : locate(doc, issue.path, key);
      const { line, column } = position(lc, node);
      const fullPath = key === undefined ? issue.path : [...issue.path, key];
      issues.push({
        file,
        line,
        column,
        path: fullPath.map(String).join('.'),
        message: key === undefined ? message(issue, input) : 'unknown field',
      });
    }
  }
  throw new PresetInvalidError(issues);
}
