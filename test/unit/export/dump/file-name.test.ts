import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { decodeFileName, encodeFileName } from '../../../../src/export/dump/file-name.js';
import { thrown } from '../../../support/unit/thrown.js';

describe('encodeFileName', () => {
  it.each([
    ['web', 'web'],
    ['pvc-3f0c.shop_data', 'pvc-3f0c.shop_data'],
    ['system:controller:job-controller', 'system%3Acontroller%3Ajob-controller'],
    ['a/b', 'a%2Fb'],
    ['100%', '100%25'],
    ['Admin', '%41dmin'],
    ['é', '%C3%A9'],
    ['.', '%2E'],
    ['..', '%2E%2E'],
    ['trailing.', 'trailing%2E'],
    ['nul', '%6Eul'],
    ['com1.example', '%63om1.example'],
    ['console', 'console'],
  ])('%j → %s', (name, encoded) => {
    expect(encodeFileName(name)).toBe(encoded);
    expect(decodeFileName(encoded)).toBe(name);
  });

  it('gives one portable segment for any name, and decodeFileName gives the name back', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(':', '/', '\\', '%', '.', 'A', 'a', '-', '*', '?') })),
        (name) => {
          const encoded = encodeFileName(name);
          expect(encoded).toMatch(/^([a-z0-9._-]|%[0-9A-F]{2})*$/);
          expect(['.', '..']).not.toContain(encoded);
          expect(decodeFileName(encoded)).toBe(name);
        },
      ),
    );
  });

  it('keeps distinct names distinct on a file system that ignores case', () => {
    const name = fc.string({ unit: fc.constantFrom(':', '%', 'A', 'a', '3', 'é') });
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a !== b);
        expect(encodeFileName(a).toLowerCase()).not.toBe(encodeFileName(b).toLowerCase());
      }),
    );
  });
});

describe('decodeFileName', () => {
  it("passes a raw name through (a Velero backup's system:aggregate-to-view)", () => {
    expect(decodeFileName('system:aggregate-to-view')).toBe('system:aggregate-to-view');
  });

  it('throws InvalidInputError for a broken escape', () => {
    expect(thrown(InvalidInputError, () => decodeFileName('a%zz')).message).toContain('"a%zz"');
  });
});
