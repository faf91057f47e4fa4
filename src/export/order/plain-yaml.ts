// A fast writer for the common shape of a manifest: nested maps and lists of strings, safe integers, booleans and
// nulls. It writes exactly what the yaml package writes for the same value with lineWidth 0 and no aliases (block
// style, sequences indented under their key, empty collections as {} and [], a multi-line map value as a literal
// block), and gives up (undefined) on anything else: a multi-line string in a list or with leading or trailing
// blanks, a document marker, an undefined value, an object held twice, a key over 1,024 characters, a value that
// is not plain data. The caller then uses the yaml
// package, so the output never depends on which path wrote it (a property test compares the two).
import { stringify } from 'yaml';

/** The two schemas promote writes with: YAML 1.1 for manifests (kubectl's reader), 1.2 core for kustomize files. */
export type YamlVersion = '1.1' | '1.2';

class Unsupported extends Error {}
const GIVE_UP = new Unsupported();

// Starts with a letter and holds no character that could make YAML read it as anything but this string.
const SIMPLE = /^[A-Za-z][A-Za-z0-9_./@+=-]*(?::[A-Za-z0-9_./@+=-]+)*$/;
// YAML 1.1 reads `e5` as a float (the digits before the exponent are optional there).
const EXPONENT = /^[eE][-+]?[0-9]+$/;
// Words either schema reads as a boolean or null (YAML 1.1's y/n/yes/no/on/off; case variants too).
const WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);
const CACHE_LIMIT = 100_000;
const caches: Record<YamlVersion, Map<string, string>> = { '1.1': new Map(), '1.2': new Map() };

/** `value` as a YAML document ending in a newline, or undefined where the yaml package must write it. */
export function plainYaml(value: unknown, version: YamlVersion): string | undefined {
  if (!isCollection(value) || isEmpty(value)) return undefined;
  const out: string[] = [];
  try {
    writeCollection(value, '', '', { version, seen: new Set() }, out);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return out.join('');
}

interface Writer {
  version: YamlVersion;
  seen: Set<object>;
}

type Collection = Record<string, unknown> | unknown[];

function isCollection(value: unknown): value is Collection {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isEmpty(value: Collection): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** A non-empty collection: its first line starts with `first`, the others with `indent`. */
function writeCollection(value: Collection, first: string, indent: string, w: Writer, out: string[]): void {
  if (w.seen.has(value)) throw GIVE_UP;
  w.seen.add(value);
  if (Array.isArray(value)) writeSeq(value, first, indent, w, out);
  else writeMap(value, first, indent, w, out);
}

function writeSeq(items: unknown[], first: string, indent: string, w: Writer, out: string[]): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const lead = `${i === 0 ? first : indent}- `;
    if (isCollection(item) && !isEmpty(item)) writeCollection(item, lead, `${indent}  `, w, out);
    else out.push(lead, scalar(item, w), '\n');
  }
}

function writeMap(map: Record<string, unknown>, first: string, indent: string, w: Writer, out: string[]): void {
  let lead = first;
  for (const key of Object.keys(map)) {
    const value = map[key];
    const name = keyText(key, w);
    if (typeof value === 'string' && value.includes('\n')) {
      out.push(lead, name, ': ', literalBlock(value, `${indent}  `), '\n');
    } else if (isCollection(value) && !isEmpty(value)) {
      out.push(lead, name, ':\n');
      // A list under a key is indented like a map (the yaml package's indentSeq).
      writeCollection(value, `${indent}  `, `${indent}  `, w, out);
    } else {
      out.push(lead, name, ': ', scalar(value, w), '\n');
    }
    lead = indent;
  }
}

// A literal block (`|` keeps one final line break, `|-` none), for text that starts and ends with something other
// than blanks and has no line that could read as a document marker or directive, and no control character.
const BLANK_EDGE = /^[ \n]|[\t \n]\n$|[\t ]$/;
const MARKER_LINE = /^(?:%|---|\.\.\.)/m;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters the yaml package double-quotes.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

function literalBlock(text: string, indent: string): string {
  if (BLANK_EDGE.test(text) || MARKER_LINE.test(text) || CONTROL.test(text)) throw GIVE_UP;
  const clip = text.endsWith('\n');
  const body = (clip ? text.slice(0, -1) : text).replace(/\n+/g, `$&${indent}`);
  return `|${clip ? '' : '-'}\n${indent}${body}`;
}

function keyText(key: string, w: Writer): string {
  if (key.length > 1024) throw GIVE_UP;
  return stringText(key, w);
}

function scalar(value: unknown, w: Writer): string {
  if (typeof value === 'string') return stringText(value, w);
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  if (Array.isArray(value)) return '[]';
  if (isCollection(value)) return '{}';
  throw GIVE_UP;
}

function stringText(s: string, w: Writer): string {
  if (SIMPLE.test(s) && !WORDS.has(s.toLowerCase()) && !EXPONENT.test(s)) return s;
  // Where a line break or a document marker makes the form depend on the position in the document.
  if (s.includes('\n') || s.startsWith('---') || s.startsWith('...')) throw GIVE_UP;
  const cache = caches[w.version];
  let text = cache.get(s);
  if (text === undefined) {
    const written = stringify(s, { version: w.version, lineWidth: 0 });
    text = written.slice(0, -1);
    if (!written.endsWith('\n') || text.includes('\n')) throw GIVE_UP;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(s, text);
  }
  return text;
}
