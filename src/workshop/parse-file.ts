// Turns a workshop file's YAML text into a WorkshopFile, or an InvalidInputError listing every issue at
// file:line:column and its dotted field, as preset errors do. Pure: takes text and a file name.
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { core } from 'zod';
import { InvalidInputError } from '../errors.js';
import { WorkshopFileSchema, type WorkshopFile } from './schema.js';

/** One located problem of a workshop file. */
export interface WorkshopIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

const HINT = 'fix the fields above; README "Workshops" shows a complete file';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
  return cur;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a map';
  return JSON.stringify(value);
}

function sentence(issue: core.$ZodIssue, data: unknown): string {
  const got = shown(valueAt(data, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${got}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${got}`;
    case 'unrecognized_keys':
      return 'unknown field';
    case 'custom':
      return issue.message;
    default:
      return `${issue.message}, got ${got}`;
  }
}

/** The position of the deepest node along `path` the document has (an unknown key's own key). */
function locate(doc: Document, lc: LineCounter, path: readonly PropertyKey[], key?: string): { line: number; column: number } {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as Node | undefined;
    if (node === undefined || node === null) continue;
    let at: Node = node;
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) at = pair.key;
    }
    const { line, col } = lc.linePos(at.range?.[0] ?? 0);
    return { line, column: col };
  }
  return { line: 1, column: 1 };
}

/** Every issue as one error: `file:line:column path: message` per line. */
export function workshopInvalid(issues: readonly WorkshopIssue[]): InvalidInputError {
  const lines = issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.path ? `${i.path}: ` : ''}${i.message}`);
  return new InvalidInputError(`invalid workshop file:\n  ${lines.join('\n  ')}`, HINT, { issues: [...issues] });
}

/** Parses and checks a workshop file's text; throws InvalidInputError naming every issue. */
export function parseWorkshopFile(text: string, file: string): WorkshopFile {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw workshopInvalid(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        return {
          file,
          line: pos.line,
          column: pos.col,
          path: '',
          message: `YAML: ${(e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
        };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw workshopInvalid([
      { file, line: 1, column: 1, path: '', message: 'expected a mapping (apiVersion: kindling.dev/v1alpha1, kind: Workshop, ...)' },
    ]);
  }
  const result = WorkshopFileSchema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      file,
      ...locate(doc, lc, issue.path, key),
      path: (key === undefined ? issue.path : [...issue.path, key]).map(String).join('.'),
      message: sentence(issue, data),
    }));
  });
  throw workshopInvalid(issues);
}
