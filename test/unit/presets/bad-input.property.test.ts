// Property tests of preset files nobody should write and somebody will, each through `kindling plan --preset
// ./gen.yaml` exactly as a user runs it (in-process; plan is pure): kind.yaml with random fields retyped, nulled,
// made huge, deleted or added; random YAML-ish text (tabs, anchors, tags, duplicate keys, several documents); alias
// bombs and nesting up to 5000 deep. Every input either plans (exit 0) or is refused with a typed error (exit 2)
// whose first line is `error: ` and names the file: never exit 1, a stack trace or "a bug in kindling". Some go
// through `up` as well, where Docker (a socket that does not exist) is the only thing left to fail: exit 2 or 5.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_PRESETS_DIR } from '../../../src/presets/load.js';
import { MAX_PRESET_DEPTH } from '../../../src/presets/validate.js';
import { runCli } from '../../support/unit/cli.js';
import { errorBlock, expectTyped, sandbox, Tally } from '../../support/unit/no-crash.js';

const RUNS = Number(process.env.KINDLING_PROPERTY_RUNS ?? 250);
const KIND_TEXT = readFileSync(join(BUILTIN_PRESETS_DIR, 'kind.yaml'), 'utf8');
const KIND = parseYaml(KIND_TEXT) as Record<string, unknown>;

const box = sandbox();
afterAll(() => box.remove(), 60_000);

/** `plan --preset ./gen.yaml` on `text` (and, with `alsoUp`, `up` too): the checks every input must pass. */
async function planFile(text: string, tally: Tally, what: string): Promise<{ code: number; block: string }> {
  writeFileSync(join(box.dir, 'gen.yaml'), text);
  const r = await runCli(['plan', '--preset', './gen.yaml'], { env: box.env, cwd: box.dir });
  tally.count(r.code);
  const shown = `${what}: ${JSON.stringify(text)}`;
  // `extends` naming a preset or file that does not exist is "not found" (exit 3, extends-and-set.test.ts), listing the presets.
  const extendsSomething = /^extends:/m.test(text);
  expectTyped(r, extendsSomething ? [0, 2, 3] : [0, 2], shown);
  const block = errorBlock(r.stderr);
  if (r.code === 2) expect(block, `${shown}\n${r.stderr}`).toMatch(/gen\.yaml/);
  if (r.code === 3) expect(block, shown).toMatch(/^error: (preset file not found|no preset named)/);
  if (r.code === 0) expect(r.stdout, shown).toMatch(/^kind: Plan$/m);
  return { code: r.code, block };
}

// ---- (a) kind.yaml with random fields changed --------------------------------------------------------------

/** Nested lists or maps `depth` deep, as data. */
function nestedValue(depth: number, map: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = map ? { a: v } : [v];
  return v;
}

/** Values nobody should write, and some they should (so that some mutated presets still plan). */
const weird: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      null,
      '',
      ' ',
      0,
      -0,
      -1,
      1,
      2,
      7,
      8,
      50,
      51,
      1.5,
      -65536,
      65535,
      65536,
      2 ** 53 + 1,
      1e308,
      Number.POSITIVE_INFINITY,
      Number.NaN,
      true,
      false,
      [],
      {},
      [null],
      [1, 'a'],
      { a: null },
      'x'.repeat(100_000),
      'a'.repeat(64),
      '\u0000\u202e\ufeff',
      'v1.36.1',
      'v1.37.0',
      'v0.0.0',
      'v999.999.999',
      'kind',
      'k3d',
      'nginx',
      'traefik',
      'TCP',
      'UDP',
      '127.0.0.1',
      '0.0.0.0',
      '999.1.1.1',
      '10.0.0.0/8',
      '10.0.0.0/99',
      `sha256:${'a'.repeat(64)}`,
      'Immediate',
      'engine',
      'ingress-nginx',
      'metrics-server',
      '{name}',
      '../../etc',
      '%s%n',
      '${HOME}',
      '$(id)',
    ),
  },
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.integer({ min: -5, max: 70_000 }),
  fc.double(),
  fc.boolean(),
  fc.array(fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.integer()), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.integer()), { maxKeys: 3 }),
  fc.tuple(fc.integer({ min: 1, max: 200 }), fc.boolean()).map(([d, map]) => nestedValue(d, map)),
);

/** Keys a preset does not have, and some with a meaning elsewhere. */
const newKey = fc.oneof(
  fc.constantFrom('colour', 'extends', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'apiversion', '', ' ', '0', '-1'),
  fc.string({ maxLength: 12 }),
);

/** `extends` may only name harmless things: a preset, this file, a missing file, a folder. */
const extendsValue = fc.constantFrom('kind', 'k3d', 'gen', './gen.yaml', './missing.yaml', '.', './', 'no-such-preset', 42, null, [], {});

function paths(v: unknown, at: string[] = []): string[][] {
  const out = [at];
  if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) out.push(...paths((v as Record<string, unknown>)[k], [...at, k]));
  return out;
}

function parentOf(root: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let o = root as Record<string, unknown> | undefined;
  for (const k of path.slice(0, -1)) o = o?.[k] as Record<string, unknown> | undefined;
  return o !== null && typeof o === 'object' ? o : undefined;
}

/** An own property, `__proto__` included. */
function put(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

type Change = { op: 'set' | 'delete' | 'add'; at: number; key: string; value: unknown };
const change: fc.Arbitrary<Change> = fc.record({
  op: fc.constantFrom('set', 'set', 'set', 'delete', 'add'),
  at: fc.nat(),
  key: newKey,
  value: weird,
});

/** kind.yaml's data with 1-4 changes, as YAML text. */
const mutatedKind = fc
  .tuple(fc.array(change, { minLength: 1, maxLength: 4 }), fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, extendsValue))
  .map(([changes, ext]) => {
    const data = structuredClone(KIND);
    for (const c of changes) {
      const all = paths(data).filter((p) => p.length > 0);
      const path = all[c.at % all.length]!;
      const parent = parentOf(data, path);
      if (!parent) continue;
      const key = path.at(-1)!;
      if (c.op === 'set') put(parent, key, structuredClone(c.value));
      else if (c.op === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
      } else {
        const target = parent[key];
        const into = target !== null && typeof target === 'object' && !Array.isArray(target) ? (target as Record<string, unknown>) : data;
        put(into, c.key === 'extends' && into === data ? 'colour' : c.key, structuredClone(c.value));
      }
    }
    if (ext !== null) put(data, 'extends', ext);
    return stringify(data, { lineWidth: 0 });
  });

describe('preset files nobody should write (fast-check): plan exits 0 or 2, never a crash', () => {
  it(`kind.yaml with 1-4 fields retyped, nulled, huge, deleted or added (${RUNS} runs): exit 0 or 2 naming gen.yaml`, async () => {
    const tally = new Tally();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(mutatedKind, async (text) => {
        await planFile(text, tally, 'mutated kind.yaml');
      }),
      { seed: 20_261_101, numRuns: RUNS },
    );
    console.log(`[bad input] preset files, kind.yaml mutated: ${tally.runs} fuzzed inputs (${tally}) in ${Date.now() - started} ms`);
    expect(tally.runs).toBeGreaterThanOrEqual(RUNS);
  }, 120_000);

  // ---- (b) random YAML-ish text ----------------------------------------------------------------------------

  const TOKENS = [
    'apiVersion',
    'kindling.dev/v1alpha1',
    'kind',
    'Preset',
    'name',
    'nodes',
    'workers',
    'engine',
    ':',
    ': ',
    ' ',
    '  ',
    '\t',
    '\n',
    '\n  ',
    '\r\n',
    '- ',
    '-',
    '[',
    ']',
    '{',
    '}',
    ', ',
    '"',
    "'",
    '# ',
    '|\n',
    '>-\n',
    '? ',
    '&a ',
    '*a',
    '&b ',
    '*b',
    '*missing',
    '<<: *a',
    '!!binary ',
    '!!python/object:os.system ',
    '!!python/object/apply:subprocess.check_output [[id]]',
    '!!js/function "function(){}" ',
    '!!str ',
    '!!int ',
    '!!float ',
    '!!map ',
    '!!seq ',
    '!!set ',
    '!!omap ',
    '!!timestamp ',
    '!custom ',
    '!<tag:yaml.org,2002:str> ',
    '%YAML 1.1\n',
    '%YAML 9.9\n',
    '%TAG ! tag:example.com,2000:\n',
    '\n---\n',
    '\n...\n',
    '\\',
    '\\u0000',
    '\u0000',
    '\ufeff',
    '\u2028',
    '\u0085',
    '~',
    'null',
    'true',
    'yes',
    '0x1F',
    '0o17',
    '.inf',
    '-.nan',
    '1e400',
    '2001-12-14t21:59:43.10-05:00',
    '@',
    '`',
    '%',
  ];
  const yamlish = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { maxLength: 80 }).map((t) => t.join('')),
    },
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 300 }),
    // kind.yaml with random lines edited: a token spliced in, indentation changed, a line repeated (a duplicate key),
    // spaces made tabs, or the whole file twice (two documents).
    fc
      .array(
        fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('splice', 'indent', 'dedent', 'repeat', 'tab', 'drop'), fc.constantFrom(...TOKENS)),
        {
          minLength: 1,
          maxLength: 5,
        },
      )
      .map((edits) => {
        const lines = KIND_TEXT.split('\n');
        for (const [l, c, op, token] of edits) {
          const i = l % lines.length;
          const line = lines[i]!;
          if (op === 'splice') lines[i] = line.slice(0, c % (line.length + 1)) + token + line.slice(c % (line.length + 1));
          else if (op === 'indent') lines[i] = ` ${line}`;
          else if (op === 'dedent') lines[i] = line.replace(/^ /, '');
          else if (op === 'repeat') lines.splice(i, 0, line);
          else if (op === 'tab') lines[i] = line.replace(/^ +/, '\t');
          else lines.splice(i, 1);
        }
        return lines.join('\n');
      }),
    fc.constantFrom(`${KIND_TEXT}---\n${KIND_TEXT}`, `${KIND_TEXT}\n...\n`, `--- !!map\n${KIND_TEXT}`, `${KIND_TEXT}name: again\n`),
  );

  it(`random YAML-ish text: tabs, anchors, aliases, tags, duplicate keys, several documents (${RUNS} runs): exit 0 or 2 naming gen.yaml`, async () => {
    const tally = new Tally();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(yamlish, async (text) => {
        await planFile(text, tally, 'YAML-ish text');
      }),
      { seed: 20_261_102, numRuns: RUNS },
    );
    console.log(`[bad input] preset files, YAML-ish text: ${tally.runs} fuzzed inputs (${tally}) in ${Date.now() - started} ms`);
  }, 120_000);

  // ---- (c) alias bombs and deep nesting --------------------------------------------------------------------

  interface Bomb {
    depth: number;
    width: number;
    style: 'flow' | 'block' | 'map';
    leaf: string;
    inPreset: boolean;
  }
  const bomb: fc.Arbitrary<Bomb> = fc.record({
    depth: fc.integer({ min: 1, max: 12 }),
    width: fc.integer({ min: 1, max: 12 }),
    style: fc.constantFrom('flow', 'block', 'map'),
    leaf: fc.constantFrom('lol', '"x"', '[a, b]', '{a: 1}', 'x'.repeat(1000)),
    inPreset: fc.boolean(),
  });

  /** `a0: &a0 leaf`, then each level an anchor on `width` aliases of the level below. */
  function bombText(b: Bomb): string {
    const lines = [`a0: &a0 ${b.leaf}`];
    for (let i = 1; i <= b.depth; i++) {
      const refs = Array.from({ length: b.width }, (_, j) => (b.style === 'map' ? `k${j}: *a${i - 1}` : `*a${i - 1}`));
      if (b.style === 'block') lines.push(`a${i}: &a${i}`, ...refs.map((r) => `  - ${r}`));
      else if (b.style === 'map') lines.push(`a${i}: &a${i}`, ...refs.map((r) => `  ${r}`));
      else lines.push(`a${i}: &a${i} [${refs.join(', ')}]`);
    }
    return `${b.inPreset ? KIND_TEXT : ''}${lines.join('\n')}\n`;
  }

  interface Nesting {
    depth: number;
    style: 'flow-list' | 'flow-map' | 'block-map' | 'block-list' | 'mixed';
    at: 'document' | 'notes' | 'unknown key' | 'nodes';
  }
  const nesting: fc.Arbitrary<Nesting> = fc.record({
    depth: fc.oneof(
      fc.integer({ min: 1, max: 5000 }),
      fc.constantFrom(MAX_PRESET_DEPTH - 1, MAX_PRESET_DEPTH, MAX_PRESET_DEPTH + 1, 1000, 2000, 5000),
    ),
    style: fc.constantFrom('flow-list', 'flow-map', 'block-map', 'block-list', 'mixed'),
    at: fc.constantFrom('document', 'notes', 'unknown key', 'nodes'),
  });

  /** The nested text and how deep it makes the document. */
  function nestingText(n: Nesting): { text: string; depth: number } {
    // Block maps indent one more space a level: 5000 deep would be 12.5 MB of spaces, so they stop at 1500.
    const d = n.style === 'block-map' ? Math.min(n.depth, 1500) : n.depth;
    const indent = n.at === 'document' ? 0 : 2;
    let value: string;
    if (n.style === 'flow-list') value = `${'['.repeat(d)}${']'.repeat(d)}`;
    else if (n.style === 'flow-map') value = `${'{a: '.repeat(d)}1${'}'.repeat(d)}`;
    else if (n.style === 'mixed') value = `${'[{a: '.repeat(Math.ceil(d / 2))}1${'}]'.repeat(Math.ceil(d / 2))}`;
    else if (n.style === 'block-list') value = `${' '.repeat(indent)}${'- '.repeat(d)}1`;
    else value = `${Array.from({ length: d }, (_, i) => `${' '.repeat(indent + i)}a:`).join('\n')} 1`;
    const block = n.style === 'block-map' || n.style === 'block-list';
    const depth = (n.style === 'mixed' ? 2 * Math.ceil(d / 2) : d) + (n.at === 'document' ? 0 : 1);
    if (n.at === 'document') return { text: `${value}\n`, depth };
    const key = n.at === 'unknown key' ? 'colour' : n.at;
    const base =
      n.at === 'nodes'
        ? KIND_TEXT.replace(/^nodes:\n( .*\n)+/m, '')
        : n.at === 'notes'
          ? KIND_TEXT.replace(/^notes:\n( .*\n)+/m, '')
          : KIND_TEXT;
    return { text: `${base}${key}:${block ? '\n' : ' '}${value}\n`, depth };
  }

  it(`alias bombs of depth 1-12 and width 1-12 (${RUNS} runs): exit 2, fast, "aliases expand too far" when they would`, async () => {
    const tally = new Tally();
    const started = Date.now();
    let refusedAsBomb = 0;
    await fc.assert(
      fc.asyncProperty(bomb, async (b) => {
        const t0 = Date.now();
        const { code, block } = await planFile(bombText(b), tally, `bomb ${JSON.stringify(b)}`);
        expect(code).toBe(2);
        expect(Date.now() - t0, 'a bomb is refused at once').toBeLessThan(3000);
        if (b.width >= 2 && b.width ** b.depth > 10_000) expect(block, JSON.stringify(b)).toMatch(/alias/);
        if (/alias/.test(block)) refusedAsBomb++;
      }),
      { seed: 20_261_103, numRuns: RUNS },
    );
    console.log(
      `[bad input] preset files, alias bombs: ${tally.runs} fuzzed inputs (${tally}; ${refusedAsBomb} refused as a bomb) in ${Date.now() - started} ms`,
    );
  }, 120_000);

  it(`nesting 1-5000 deep, flow and block, lists and maps (${RUNS} runs): exit 2 naming gen.yaml; deeper than ${MAX_PRESET_DEPTH} says so`, async () => {
    const tally = new Tally();
    const started = Date.now();
    let tooDeep = 0;
    await fc.assert(
      fc.asyncProperty(nesting, async (n) => {
        const { text, depth } = nestingText(n);
        const { code, block } = await planFile(text, tally, `nesting ${JSON.stringify(n)}`);
        // Nested data is no field of a preset: refused either way.
        expect(code).toBe(2);
        if (depth > MAX_PRESET_DEPTH) {
          expect(block, JSON.stringify(n)).toContain(`nested deeper than ${MAX_PRESET_DEPTH} levels`);
          tooDeep++;
        }
      }),
      { seed: 20_261_104, numRuns: RUNS },
    );
    console.log(
      `[bad input] preset files, deep nesting: ${tally.runs} fuzzed inputs (${tally}; ${tooDeep} deeper than ${MAX_PRESET_DEPTH}) in ${Date.now() - started} ms`,
    );
  }, 120_000);

  interface Aliased {
    levels: number;
    perLevel: number;
    cycle: boolean;
    key: 'colour' | 'nodes' | 'notes' | 'nodeImage' | 'evictionHard' | 'ports';
    map: boolean;
    base: boolean;
  }
  const aliased: fc.Arbitrary<Aliased> = fc.record({
    levels: fc.integer({ min: 1, max: 40 }),
    perLevel: fc.integer({ min: 1, max: 40 }),
    cycle: fc.boolean(),
    key: fc.constantFrom('colour', 'nodes', 'notes', 'nodeImage', 'evictionHard', 'ports'),
    map: fc.boolean(),
    base: fc.boolean(),
  });

  /**
   * Aliases nesting the data deeper than the text: `a1: &a1 [[*a0]]`, `a2: &a2 [[*a1]]`, ... as `key`; or an alias
   * inside the node it names (`key: &k {a: *k}`), the same in an `extends` base file with `base`.
   */
  function aliasedText(a: Aliased): { text: string; depth: number } {
    const open = (n: number) => (a.map ? '{a: '.repeat(n) : '['.repeat(n));
    const close = (n: number) => (a.map ? '}' : ']').repeat(n);
    const without = KIND_TEXT.replace(new RegExp(`^${a.key}:.*\n( .*\n)*`, 'm'), '');
    if (a.cycle) {
      const cyclic = `${a.key}: &k ${a.map ? `{a: *k, ${a.key}: *k}` : '[*k, [*k]]'}\n`;
      if (a.base) writeFileSync(join(box.dir, 'base.yaml'), `${without}${cyclic}`);
      return { text: `${without}${a.base ? 'extends: ./base.yaml\n' : ''}${cyclic}`, depth: Number.POSITIVE_INFINITY };
    }
    const lines = [`a0: &a0 ${open(a.perLevel)}1${close(a.perLevel)}`];
    for (let i = 1; i < a.levels; i++) lines.push(`a${i}: &a${i} ${open(a.perLevel)}*a${i - 1}${close(a.perLevel)}`);
    return { text: `${without}${lines.join('\n')}\n${a.key}: *a${a.levels - 1}\n`, depth: 1 + a.levels * a.perLevel };
  }

  it(`aliases inside aliases, and aliases inside what they name (${RUNS} runs): exit 2; deeper than ${MAX_PRESET_DEPTH} says so`, async () => {
    const tally = new Tally();
    const started = Date.now();
    let tooDeep = 0;
    await fc.assert(
      fc.asyncProperty(aliased, async (a) => {
        const { text, depth } = aliasedText(a);
        const { code, block } = await planFile(text, tally, `aliased ${JSON.stringify(a)}`);
        expect(code).toBe(2);
        if (depth > MAX_PRESET_DEPTH) {
          // A chain of aliases may count as a bomb first (yaml's alias count): both messages say what to do.
          expect(block, JSON.stringify(a)).toMatch(new RegExp(`nested deeper than ${MAX_PRESET_DEPTH} levels|aliases expand too far`));
          tooDeep++;
        }
      }),
      { seed: 20_261_106, numRuns: RUNS },
    );
    console.log(
      `[bad input] preset files, aliases in aliases and loops: ${tally.runs} fuzzed inputs (${tally}; ${tooDeep} deeper than ${MAX_PRESET_DEPTH}) in ${Date.now() - started} ms`,
    );
  }, 120_000);

  // ---- through `up`: only Docker is left to fail ------------------------------------------------------------

  const UP_RUNS = Math.max(10, Math.round(RUNS / 5));
  it(`the same inputs through \`up\` (${UP_RUNS} runs): exit 2 with nothing created, or 5 (Docker) only when plan accepts the file`, async () => {
    const tally = new Tally();
    const started = Date.now();
    let n = 0;
    const input = fc.oneof(
      { weight: 3, arbitrary: mutatedKind },
      yamlish,
      bomb.map(bombText),
      nesting.map((x) => nestingText(x).text),
      fc.constant(KIND_TEXT),
    );
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        const state = join(box.dir, `up-state-${n++}`);
        writeFileSync(join(box.dir, 'gen.yaml'), text);
        const env = { ...box.env, KINDLING_STATE: state };
        const r = await runCli(['up', '--preset', './gen.yaml'], { env, cwd: box.dir });
        tally.count(r.code);
        const shown = `up: ${JSON.stringify(text)}`;
        expectTyped(r, /^extends:/m.test(text) ? [2, 3, 5] : [2, 5], shown);
        if (r.code === 3) expect(errorBlock(r.stderr), shown).toMatch(/^error: (preset file not found|no preset named)/);
        else if (r.code === 2) {
          expect(errorBlock(r.stderr), shown).toMatch(/gen\.yaml/);
          expect(existsSync(state), `${shown}: nothing created`).toBe(false);
        } else {
          expect(r.stderr, shown).toMatch(/^error: Docker is not reachable/);
          const planned = await runCli(['plan', '--preset', './gen.yaml'], { env, cwd: box.dir });
          expect(planned.code, `${shown}: exit 5 only after the input was accepted`).toBe(0);
        }
      }),
      { seed: 20_261_105, numRuns: UP_RUNS },
    );
    console.log(`[bad input] preset files through up: ${tally.runs} fuzzed inputs (${tally}) in ${Date.now() - started} ms`);
  }, 120_000);
});
