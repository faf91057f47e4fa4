// The fast reading (js-yaml with kindling's 1.1 tags) must give exactly what the careful one (the `yaml` package)
// gives: on every corpus file, on every scalar form YAML 1.1 resolves, and on generated documents.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastDocuments } from '../../../../src/export/source/fast-yaml.js';
import { carefulManifest, fastManifest } from '../../../../src/export/source/parse-manifest.js';

const corpus = resolve(import.meta.dirname, '../../../../../shared/corpus');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(f) ? [p] : [];
  });
}

const SCALARS = [
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'N',
  'true',
  'False',
  '~',
  'null',
  'Null',
  '',
  '0755',
  '09',
  '0x1F',
  '0b101',
  '-0b11',
  '+12',
  '1_000',
  '1e5',
  '1.5e-3',
  '.5',
  '1.',
  '.',
  '-.inf',
  '.NaN',
  '1:20',
  '1:20.5',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '0o17',
  '00',
  '-0',
  '12abc',
  'True ',
  "'yes'",
  '"0755"',
  '<<',
  'y_',
  '9007199254740993',
  '1__2',
  '+.inf',
  '-',
  '+',
  '0.0.1',
  'v1.2',
  '1e',
  'e5',
];

describe('fast reading equals careful reading', () => {
  it.skipIf(!existsSync(corpus))('on every corpus file', () => {
    for (const file of files(corpus)) {
      const text = readFileSync(file, 'utf8');
      const fast = fastManifest(text, 'f.yaml');
      if (fast !== undefined) expect(fast, file).toEqual(carefulManifest(text, 'f.yaml'));
    }
  });

  it('on every scalar form, as a value and as a key', () => {
    for (const s of SCALARS) {
      for (const text of [
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  k: ${s}\n`,
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\nextra:\n  ${s || '""'}: v\n`,
      ]) {
        const fast = fastManifest(text, 'f.yaml');
        if (fast !== undefined) expect(fast, JSON.stringify(s)).toEqual(carefulManifest(text, 'f.yaml'));
      }
    }
  });

  it('on generated documents (fast-check): flow and block, quoted and plain scalars, several documents', () => {
    const scalar = fc.oneof(fc.constantFrom(...SCALARS), fc.stringMatching(/^[a-zA-Z0-9_.:+\- ]{0,8}$/));
    const doc = fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 3 }), (docs) => {
        const text = docs
          .map(
            (d, i) =>
              `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n${Object.entries(d)
                .map(([k, v]) => `  ${k}: ${Array.isArray(v) ? `[${v.map((x) => x.trim() || '""').join(', ')}]` : v}`)
                .join('\n')}\n`,
          )
          .join('---\n');
        let careful: unknown;
        try {
          careful = carefulManifest(text, 'g.yaml');
        } catch {
          return;
        }
        const fast = fastManifest(text, 'g.yaml');
        if (fast !== undefined) expect(fast).toEqual(careful);
      }),
      { numRuns: 300 },
    );
  });

  it('aliases, null keys, unknown tags and duplicate keys take the careful path; stars in text do not', () => {
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n';
    expect(fastManifest(`${cm}a: &x {b: 1}\nc: *x # the same\n`, 'a.yaml')).toBeUndefined();
    expect(fastManifest(`${cm}data: {schedule: "21 13 * * *", d: will *not* be used}\n`, 'a.yaml')).toBeDefined();
    expect(fastDocuments('a: !!binary aGk=\n')).toBeUndefined();
    expect(fastDocuments('a: 1\na: 2\n')).toBeUndefined();
    expect(fastDocuments('a: [1, 2\n')).toBeUndefined();
    expect(fastDocuments('a: 1\n---\nb: 0755\n')).toEqual([{ a: 1 }, { b: 493 }]);
  });
});
