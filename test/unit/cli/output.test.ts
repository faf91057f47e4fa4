import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { outputFormat, serialise, table } from '../../../src/cli/output.js';

describe('outputFormat', () => {
  it('text by default; json and yaml accepted', () => {
    expect(outputFormat(undefined)).toBe('text');
    expect(outputFormat('json')).toBe('json');
    expect(outputFormat('yaml')).toBe('yaml');
  });

  it('anything else -> InvalidInputError naming the choices', () => {
    expect(() => outputFormat('xml')).toThrow(InvalidInputError);
    expect(() => outputFormat('xml')).toThrow('-o xml: expected one of text, json, yaml');
    expect(() => outputFormat('text', ['yaml', 'json'])).toThrow('-o text: expected one of yaml, json');
  });
});

describe('serialise', () => {
  it('JSON pretty-printed with a final newline; YAML parseable back', async () => {
    expect(await serialise({ a: 1, b: ['x'] }, 'json')).toBe('{\n  "a": 1,\n  "b": [\n    "x"\n  ]\n}\n');
    expect(parse(await serialise({ a: 1, b: ['x'] }, 'yaml'))).toEqual({ a: 1, b: ['x'] });
  });
});

describe('table', () => {
  it('left-aligned columns, three spaces apart, no trailing spaces', () => {
    expect(
      table(
        ['NAME', 'PHASE', 'CONTEXT'],
        [
          ['dev', 'running', 'kind-dev'],
          ['a-longer-name', 'missing', 'k3d-a-longer-name'],
        ],
      ),
    ).toBe(
      ['NAME            PHASE     CONTEXT', 'dev             running   kind-dev', 'a-longer-name   missing   k3d-a-longer-name', ''].join(
        '\n',
      ),
    );
  });

  it('the header alone when there are no rows; an empty last cell leaves no trailing space', () => {
    expect(table(['A', 'B'], [])).toBe('A   B\n');
    expect(table(['NAME', 'NOTE'], [['x', '']])).toBe('NAME   NOTE\nx\n');
  });
});
