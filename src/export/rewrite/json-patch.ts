// JSON Patch (RFC 6902), the overlay's patch format: kustomize applies these operations to the base, and
// applyJsonPatch does the same in-process so that tests and the report see the objects the target will get.
import { InvalidInputError } from '../../errors.js';
import { isRecord } from './value-at.js';

/** The three RFC 6902 operations the rewrites emit. */
export interface JsonPatchOp {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/** A JSON pointer (RFC 6901) from keys and indices, escaping '~' and '/' (annotation keys contain '/'). */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** A copy of `doc` with `ops` applied in order; `doc` and the ops' values are never mutated. */
export function applyJsonPatch<T>(doc: T, ops: readonly JsonPatchOp[]): T {
  let result: unknown = structuredClone(doc);
  for (const op of ops) result = applyOp(result, op);
  return result as T;
}

function applyOp(root: unknown, op: JsonPatchOp): unknown {
  const segments = parsePointer(op);
  const last = segments.pop();
  if (last === undefined) {
    if (op.op === 'remove') fail(op, 'cannot remove the whole document');
    return structuredClone(op.value);
  }
  const parent = segments.reduce((at, segment) => child(at, segment, op), root);
  if (Array.isArray(parent)) applyToArray(parent, last, op);
  else if (isRecord(parent)) applyToObject(parent, last, op);
  else fail(op, 'the parent is not an object or array');
  return root;
}

function applyToArray(list: unknown[], segment: string, op: JsonPatchOp): void {
  const index = segment === '-' && op.op === 'add' ? list.length : arrayIndex(segment, op);
  const limit = op.op === 'add' ? list.length : list.length - 1;
  if (index > limit) fail(op, `index ${index} is out of range`);
  if (op.op === 'add') list.splice(index, 0, structuredClone(op.value));
  else if (op.op === 'replace') list[index] = structuredClone(op.value);
  else list.splice(index, 1);
}

function applyToObject(record: Record<string, unknown>, key: string, op: JsonPatchOp): void {
  if (op.op !== 'add' && !Object.hasOwn(record, key)) fail(op, `"${key}" does not exist`);
  if (op.op === 'remove') delete record[key];
  // defineProperty, not assignment: a key such as `__proto__` must become an own member, not a prototype.
  else Object.defineProperty(record, key, { value: structuredClone(op.value), enumerable: true, writable: true, configurable: true });
}

function child(at: unknown, segment: string, op: JsonPatchOp): unknown {
  const next = Array.isArray(at) ? at[arrayIndex(segment, op)] : isRecord(at) && Object.hasOwn(at, segment) ? at[segment] : undefined;
  if (next === undefined) fail(op, `"${segment}" does not exist`);
  return next;
}

function arrayIndex(segment: string, op: JsonPatchOp): number {
  if (!/^(0|[1-9]\d*)$/.test(segment)) fail(op, `"${segment}" is not an array index`);
  return Number(segment);
}

function parsePointer(op: JsonPatchOp): string[] {
  if (op.path === '') return [];
  if (!op.path.startsWith('/')) fail(op, 'a JSON pointer starts with "/"');
  return op.path
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function fail(op: JsonPatchOp, why: string): never {
  throw new InvalidInputError(
    `JSON patch ${op.op} ${op.path}: ${why}`,
    'the overlay no longer matches its base: run kindling promote again, or fix the patch by hand',
  );
}
