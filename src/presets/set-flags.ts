// --set key.path=value: overrides applied to preset data before validation. The value is read as a YAML
// scalar (2 is a number, true a boolean, anything else a string); the schema then judges the result, and
// its errors name the flag.
import { parse } from 'yaml';
import { InvalidInputError } from '../errors.js';
import { setFlagSource, type PresetSource } from './validate.js';

const KEY = /^[A-Za-z][A-Za-z0-9-]*(\.([A-Za-z][A-Za-z0-9-]*|\d+))*$/;

function setIn(data: unknown, path: readonly string[], value: unknown, flag: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(data)) {
    const i = Number(head);
    if (!/^\d+$/.test(head) || i >= data.length) {
      throw new InvalidInputError(
        `--set ${flag}: "${head}" is not an index of that list (it has ${data.length} item${data.length === 1 ? '' : 's'})`,
      );
    }
    const copy = [...data];
    copy[i] = setIn(copy[i], rest, value, flag);
    return copy;
  }
  const map = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  return { ...map, [head]: setIn(map[head], rest, value, flag) };
}

/** Applies every flag in order; returns the new data and a source per flag for error messages. */
export function applySetFlags(data: unknown, flags: readonly string[]): { data: unknown; sources: PresetSource[] } {
  let out = data;
  const sources: PresetSource[] = [];
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const key = eq < 0 ? flag : flag.slice(0, eq);
    if (eq < 0 || !KEY.test(key)) {
      throw new InvalidInputError(
        `--set "${flag}" must be key.path=value`,
        'for example --set nodes.workers=2 or --set apiServer.port=6443',
      );
    }
    const path = key.split('.');
    const text = flag.slice(eq + 1);
    let value: unknown;
    try {
      // logLevel 'error': a warning (`!!int x`, an unknown directive) is not printed to the user's terminal as a Node warning.
      value = text === '' ? '' : parse(text, { logLevel: 'error' });
    } catch {
      value = text;
    }
    if (value !== null && typeof value === 'object') value = text; // only scalars: `a: b` stays a string
    out = setIn(out, path, value, flag);
    sources.unshift(setFlagSource(flag, path)); // a later flag wins, so it is asked first
  }
  return { data: out, sources };
}
