import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { applyJsonPatch, jsonPointer } from '../../../../src/export/rewrite/json-patch.js';
import { thrown } from '../../../support/unit/thrown.js';

describe('jsonPointer', () => {
  it('escapes ~ and / (RFC 6901)', () => {
    expect(jsonPointer(['metadata', 'annotations', 'kubernetes.io/ingress.class'])).toBe(
      '/metadata/annotations/kubernetes.io~1ingress.class',
    );
    expect(jsonPointer(['a~b', 0])).toBe('/a~0b/0');
  });
});

describe('applyJsonPatch', () => {
  const doc = { spec: { list: ['a', 'b'], map: { 'x/y': 1 } } };

  it('adds, replaces and removes members and array items', () => {
    const result = applyJsonPatch(doc, [
      { op: 'add', path: '/spec/list/1', value: 'inserted' },
      { op: 'add', path: '/spec/list/-', value: 'appended' },
      { op: 'replace', path: '/spec/list/0', value: 'A' },
      { op: 'add', path: '/spec/map/new', value: { deep: true } },
      { op: 'remove', path: '/spec/map/x~1y' },
      { op: 'add', path: '/spec/map/new/deep', value: false },
    ]);
    expect(result).toEqual({ spec: { list: ['A', 'inserted', 'b', 'appended'], map: { new: { deep: false } } } });
    expect(doc).toEqual({ spec: { list: ['a', 'b'], map: { 'x/y': 1 } } });
  });

  it('replaces the whole document at the empty pointer', () => {
    expect(applyJsonPatch(doc, [{ op: 'replace', path: '', value: { other: 1 } }])).toEqual({ other: 1 });
  });

  it.each([
    [{ op: 'replace', path: '/spec/missing', value: 1 }, 'JSON patch replace /spec/missing: "missing" does not exist'],
    [{ op: 'remove', path: '/spec/list/2' }, 'JSON patch remove /spec/list/2: index 2 is out of range'],
    [{ op: 'add', path: '/nope/deeper', value: 1 }, 'JSON patch add /nope/deeper: "nope" does not exist'],
    [{ op: 'add', path: '/spec/list/x', value: 1 }, 'JSON patch add /spec/list/x: "x" is not an array index'],
    [{ op: 'add', path: 'spec', value: 1 }, 'JSON patch add spec: a JSON pointer starts with "/"'],
  ] as const)('refuses %j with a typed error', (op, message) => {
    const err = thrown(InvalidInputError, () => applyJsonPatch(doc, [op]));
    expect(err.message).toBe(message);
    expect(err.hint).toBe('the overlay no longer matches its base: run kindling promote again, or fix the patch by hand');
  });

  it('adds __proto__ as an own member, never as a prototype', () => {
    const result = applyJsonPatch({} as Record<string, unknown>, [{ op: 'add', path: '/__proto__', value: { polluted: true } }]);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it('never mutates the document or the values it inserts', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.jsonValue(), (record, key, value) => {
        const before = structuredClone(record);
        const valueBefore = structuredClone(value);
        const result = applyJsonPatch(record, [{ op: 'add', path: jsonPointer([key]), value }]);
        expect(record).toEqual(before);
        expect(value).toEqual(valueBefore);
        expect(result[key]).toEqual(value);
        expect(result[key] === value && typeof value === 'object' && value !== null).toBe(false);
      }),
    );
  });
});
