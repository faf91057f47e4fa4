// The fast writer must write exactly what the yaml package writes, or decline (undefined): checked on generated
// values full of strings each schema reads as something else, on every corpus object, and on the shapes it declines.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type YamlVersion, plainYaml } from '../../../../src/export/order/plain-yaml.js';
import { orderKeys } from '../../../../src/export/order/order-keys.js';
import { readManifestSources } from '../../../../src/export/source/read-sources.js';
import { stringify } from 'yaml';

const corpus = resolve(import.meta.dirname, '../../../../../shared/corpus');
const VERSIONS: YamlVersion[] = ['1.1', '1.2'];
const viaYaml = (value: unknown, version: YamlVersion) => stringify(value, { version, lineWidth: 0, aliasDuplicateObjects: false });

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|json)$/.test(f) ? [p] : [];
  });
}

const MULTI_LINE = [
  ...['a\nb', 'a\nb\n', 'a\n\nb\n', 'a\nb\n\n', '\n', '\na', ' a\nb', 'a\n b\n', 'a \nb', 'a\nb ', 'a\n ', 'a\n\t'],
  ...['\ta\nb', 'a\n---\n', 'a\n--- b', 'a\n...', 'a\n%x', '# c\nd', 'a: b\nc', '- x\n- y\n', 'a\r\nb', 'é\nü\n'],
  ...['k=v\nk2=v2\n', '{\n  "a": 1\n}\n', 'a\n\n\nb'],
];

// Strings some schema reads as a number, boolean, null, time, merge key or value, and strings with indicators.
const TRICKY = [
  ...['yes', 'No', 'ON', 'off', 'y', 'N', 'yEs', 'true', 'False', '~', 'null', 'NULL', '', '=', '<<'],
  ...['0755', '0x1F', '0b101', '0o17', '1e3', '1_000', '12:30', '190:20:30', '2026-01-01', '2001-12-14t21:59:43.10-05:00'],
  ...['.inf', '-.Inf', '.NaN', '-.5', '+1', '3.0', '1.', 'v1.2', 'e5', 'E+7', 'e-1x', 'a:', 'a: b', 'a:b', 'http://x/y', 'a #b', 'a#b'],
  ...['- item', '-', '?', '? x', ':x', '# c', '@at', '`t', "it's", '"q"', ' lead', 'trail ', 'tab\there', '{x}', '[y]'],
  ...['*a', '&a', '!t', '%d', '|', '>', '---', '--- x', '...', '\u0007bell', 'é', 'x'.repeat(1100)],
  ...MULTI_LINE,
];

const scalar = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.stringMatching(/^[a-z][a-z0-9.:/-]{0,10}$/),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
// The same without what the fast path always declines (line breaks, document markers, fractions), so that most
// values take it.
const oneLine = fc.oneof(
  fc.constantFrom(...TRICKY.filter((t) => !t.includes('\n') && !/^(---|\.\.\.)/.test(t))),
  fc.stringMatching(/^[^\n]{0,12}$/).filter((t) => !/^(---|\.\.\.)/.test(t)),
  fc.stringMatching(/^[a-z][a-z0-9.:/-]{0,10}$/),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.oneof(
  fc.constantFrom(...TRICKY.filter((t) => !t.includes('\n'))),
  fc.string({ maxLength: 8 }),
  fc.stringMatching(/^[a-z][a-z0-9.-]{0,8}$/),
);
const trees = (leaf: fc.Arbitrary<unknown>) =>
  fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
    list: fc.array(tie('tree'), { maxLength: 4 }),
    map: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
  })).map;

describe('plainYaml', () => {
  it.each([
    ['any values', trees(scalar), 500],
    ['one-line values', trees(oneLine), 1200],
    [
      'multi-line values',
      trees(fc.oneof(oneLine, fc.constantFrom(...MULTI_LINE), fc.stringMatching(/^[a-z =:#-]{0,6}(\n[a-z \t]{0,5}){1,3}\n?$/))),
      150,
    ],
  ])('writes what the yaml package writes, or declines, on generated maps of %s', (what, maps, least) => {
    let written = 0;
    fc.assert(
      fc.property(maps, fc.constantFrom(...VERSIONS), (value, version) => {
        const fast = plainYaml(value, version);
        if (fast === undefined) return;
        written++;
        expect(fast).toBe(viaYaml(value, version));
      }),
      { numRuns: 3000 },
    );
    console.log(`plainYaml: ${written} of 3000 generated maps of ${what} written by the fast path, each equal to the yaml package's`);
    expect(written).toBeGreaterThan(least);
  });

  it('writes a typical manifest itself', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      data: { 'app.properties': 'port=8080\nttl=29\n', 'motd.txt': 'hello\n\nworld' },
      metadata: { name: 'web', labels: { 'app.kubernetes.io/name': 'web' }, annotations: { note: 'a: b', port: '80' } },
      spec: {
        replicas: 2,
        template: { spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], args: [] }] } },
      },
    };
    for (const version of VERSIONS) expect(plainYaml(deployment, version)).toBe(viaYaml(deployment, version));
    expect(plainYaml(deployment, '1.1')).toContain('  annotations:\n    note: "a: b"\n    port: "80"\n');
    expect(plainYaml(deployment, '1.1')).toContain(
      '  app.properties: |\n    port=8080\n    ttl=29\n  motd.txt: |-\n    hello\n\n    world\n',
    );
  });

  it('declines what depends on its place in the document or is not plain data', () => {
    const shared = { a: 1 };
    for (const value of [
      { args: ['echo 1\necho 2\n'] },
      { script: ' indented\nfirst line' },
      { script: 'trailing blank\n\n' },
      { marker: '--- x' },
      { one: shared, two: shared },
      { gone: undefined },
      { when: new Date(0) },
      { big: 2 ** 60 },
      { half: 0.5 },
      { [`k${'x'.repeat(1100)}`]: 1 },
      'just a string',
      {},
      [],
    ]) {
      expect(plainYaml(value, '1.1'), JSON.stringify(value)?.slice(0, 40)).toBeUndefined();
    }
  });

  it.skipIf(!existsSync(corpus))('writes every corpus object as the yaml package does', async () => {
    let fast = 0;
    let total = 0;
    for (const file of files(corpus)) {
      const { objects } = await readManifestSources([file]);
      for (const { object } of objects) {
        const ordered = orderKeys(object);
        total++;
        const text = plainYaml(ordered, '1.1');
        if (text === undefined) continue;
        fast++;
        expect(text, file).toBe(viaYaml(ordered, '1.1'));
      }
    }
    console.log(`plainYaml: ${fast} of ${total} corpus objects written by the fast path, each equal to the yaml package's`);
    expect(fast).toBeGreaterThan(total / 2);
  });
});
