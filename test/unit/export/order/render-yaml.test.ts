import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../src/export/kube-object.js';
import { toYamlDocuments } from '../../../../src/export/order/render-yaml.js';
import { parseManifest } from '../../../../src/export/source/parse-manifest.js';
import { tidyValue } from '../../../../src/export/source/tidy-value.js';

const configMap = (name: string, data: Record<string, unknown>): KubeObject => ({
  kind: 'ConfigMap',
  data,
  metadata: { name },
  apiVersion: 'v1',
});
const reread = (text: string) => parseManifest(text, 'out.yaml').objects.map((o) => o.object);

// Strings a YAML 1.1 reader (kubectl) would take for something else unless quoted, and other awkward ones.
const TRICKY = [
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  'true',
  'null',
  '~',
  '',
  '0755',
  '0x1F',
  '1e3',
  '1_000',
  '12:30',
  '2026-01-01',
  '.inf',
  '-.5',
  '+1',
  '3.0',
];
const AWKWARD = [
  '- item',
  'key: value',
  '# not a comment',
  '@at',
  '`tick',
  "it's",
  '"quoted"',
  ' leading',
  'trailing ',
  'a\nb\n',
  'a\nb',
  'tab\there',
  '{x}',
  '[y]',
  '*alias',
  '&anchor',
  '!tag',
  '%dir',
  '|',
  '>',
];

describe('toYamlDocuments', () => {
  it('writes documents separated by ---, keys in export order', () => {
    const text = toYamlDocuments([
      configMap('a', { z: '1', b: 'two' }),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } },
    ]);
    expect(text).toBe(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: a',
        'data:',
        '  b: two',
        '  z: "1"',
        '---',
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: shop',
        '',
      ].join('\n'),
    );
  });

  it('writes nothing for no objects', () => {
    expect(toYamlDocuments([])).toBe('');
  });

  it('quotes every string a YAML 1.1 reader would take for a number, boolean, time or null', () => {
    const text = toYamlDocuments([configMap('t', Object.fromEntries(TRICKY.map((s, i) => [`k${String(i).padStart(2, '0')}`, s])))]);
    for (const s of TRICKY) expect(text).toContain(`: "${s}"`);
    expect(reread(text)[0]?.data).toEqual(Object.fromEntries(TRICKY.map((s, i) => [`k${String(i).padStart(2, '0')}`, s])));
  });

  it('writes multi-line strings as literal blocks, never folds long lines, never uses anchors', () => {
    const shared = { a: 1 };
    const long = 'x'.repeat(300);
    const text = toYamlDocuments([configMap('m', { script: 'echo 1\necho 2\n', long, one: shared, two: shared })]);
    expect(text).toContain('  script: |\n    echo 1\n    echo 2\n');
    expect(text).toContain(`  long: ${long}\n`);
    expect(text).not.toMatch(/[&*]a\d/);
  });

  it('is read back as the same objects, whatever the strings and numbers (nulls read as absent)', () => {
    const value = fc.oneof(
      fc.constantFrom(...TRICKY, ...AWKWARD),
      fc.string({ unit: 'grapheme' }),
      fc.integer(),
      fc.double({ noNaN: true }).filter((d) => !Object.is(d, -0)),
      fc.boolean(),
      fc.constant(null),
    );
    const data = fc.dictionary(
      fc.oneof(
        fc.string({ unit: 'grapheme', minLength: 1 }),
        fc.constantFrom(...TRICKY.filter(Boolean), ...AWKWARD.filter((s) => s.trim())),
      ),
      fc.oneof(value, fc.array(value, { maxLength: 3 })),
      {
        maxKeys: 6,
      },
    );
    fc.assert(
      fc.property(fc.array(data, { minLength: 1, maxLength: 3 }), (maps) => {
        const objects = maps.map((d, i) => configMap(`cm-${i}`, d));
        // Reading treats null as absent (tidy-value.ts): the objects come back without their nulls.
        expect(reread(toYamlDocuments(objects))).toEqual(tidyValue(structuredClone(objects)));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same bytes for the same objects, whatever their key order', () => {
    const a = configMap('x', { b: '1', a: '2' });
    const b: KubeObject = { data: { a: '2', b: '1' }, apiVersion: 'v1', metadata: { name: 'x' }, kind: 'ConfigMap' };
    expect(toYamlDocuments([a])).toBe(toYamlDocuments([b]));
  });
});
