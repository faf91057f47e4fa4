// Property test of --set as users type it, through `kindling plan --preset kind --set K=V` (in-process; plan is
// pure): keys that are fields of the preset, fields of the schema the preset leaves out, list indexes in and out
// of range, unknown and malformed paths; values that are numbers, booleans, YAML flow syntax, anchors, tags, empty
// or 100,000 characters long. Each run either plans (exit 0) or is refused with exit 2 by an error whose first
// line is `error: ` and names --set: never exit 1, a stack trace or "a bug in kindling".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILTIN_PRESETS_DIR } from '../../../src/presets/load.js';
import { runCli } from '../../support/unit/cli.js';
import { errorBlock, expectTyped, sandbox, Tally } from '../../support/unit/no-crash.js';

const RUNS = Number(process.env.KINDLING_PROPERTY_RUNS ?? 250) * 2;
const KIND = parseYaml(readFileSync(join(BUILTIN_PRESETS_DIR, 'kind.yaml'), 'utf8')) as Record<string, unknown>;

const box = sandbox();
afterAll(() => box.remove(), 60_000);

function paths(v: unknown, at: string[] = []): string[] {
  const here = at.length > 0 ? [at.join('.')] : [];
  if (v === null || typeof v !== 'object') return here;
  return [...here, ...Object.keys(v).flatMap((k) => paths((v as Record<string, unknown>)[k], [...at, k]))];
}

/** Every field kind.yaml sets (list items by index), and fields of the schema it leaves out. */
const PRESET_KEYS = [
  ...paths(KIND),
  'notes.2',
  'ports.0',
  'ports.0.hostPort',
  'ports.0.protocol',
  'ingress.extraClasses.0',
  'customAddons.0.name',
  'customAddons.0.manifests.0.url',
  'addons.0',
  'kubeconfig.context',
  'networking.podSubnet',
  'networking.serviceSubnet',
  'nodeLabels.disk',
  'evictionHard.memory',
  'nodeImage.tagSuffix',
  'registry.image',
  'registry.shared',
  'registry.listenAddress',
];

const key = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PRESET_KEYS) },
  // Paths that are not fields, indexes out of range, and keys that are not paths at all.
  fc.constantFrom(
    'colour',
    'nodes.colour',
    'nodes.workers.deeper',
    'name.0',
    'notes.99',
    'notes.-1',
    'notes.1e3',
    'notes.01',
    'ports.5.hostPort',
    'nodeImage.digests.v1.38.0',
    'nodeImage.digests.latest',
    'constructor',
    'constructor.prototype.polluted',
    'nodes.constructor',
    'toString',
    'hasOwnProperty',
    '__proto__.polluted',
    'extends',
    '',
    '.',
    '..',
    'a..b',
    '.name',
    'name.',
    '1name',
    'na me',
    'näme',
    'name\n',
    'nodes.workers=',
  ),
  fc.string({ maxLength: 20 }),
  fc
    .array(fc.oneof(fc.constantFrom('nodes', 'workers', 'ports', 'notes', 'a', 'A-b'), fc.nat({ max: 3 }).map(String)), {
      minLength: 1,
      maxLength: 5,
    })
    .map((p) => p.join('.')),
);

const value = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '0',
      '-1',
      '1',
      '2',
      '7',
      '8',
      '50',
      '51',
      '1.5',
      '65535',
      '65536',
      '1e400',
      '0x1F',
      '0o17',
      '.inf',
      '-.inf',
      '.nan',
      'true',
      'false',
      'yes',
      'null',
      '~',
      '[1, 2]',
      '[]',
      '{a: 1}',
      '{}',
      '[',
      '{',
      '"',
      "'",
      '"unterminated',
      '&a x',
      '*a',
      '!!binary aGk=',
      '!!python/object:os.system ls',
      '!!str 1',
      '!!int x',
      '|',
      '>-',
      '- a',
      'a: b',
      'a=b',
      '#',
      '# comment',
      '%YAML 1.2',
      '---',
      '...',
      '\n',
      '\t',
      '\u0000',
      '\u202e',
      'x'.repeat(100_000),
      'v1.36.1',
      'v1.37.0',
      'v1.2.3',
      'v999.0.0',
      'latest',
      '127.0.0.1',
      '0.0.0.0',
      '10.0.0.0/8',
      'TCP',
      'UDP',
      'nginx',
      'traefik',
      'k3d',
      'kind',
      'Immediate',
      'Retain',
      'engine',
      'metrics-server',
      'registry:3',
      `sha256:${'0'.repeat(64)}`,
      '2001-12-14',
      '{name}-ctx',
    ),
  },
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer().map(String)), { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
);

/** A field kind.yaml sets, with a value of the same type: mostly accepted, so that the checks after validation run too. */
const scalars = (v: unknown, at: string[] = []): [string, unknown][] =>
  v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => scalars(x, [...at, k])) : [[at.join('.'), v]];
const plausible = fc
  .constantFrom(...scalars(KIND))
  .chain(([k, v]) =>
    (typeof v === 'number'
      ? fc.integer({ min: 0, max: 70_000 }).map(String)
      : typeof v === 'boolean'
        ? fc.boolean().map(String)
        : fc.oneof(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.constantFrom('v1.36.1', 'v1.37.0', '127.0.0.1', '10.1.2.3'))
    ).map((x) => `${k}=${x}`),
  );

/** One --set argument: key=value, a plausible one, or now and then no `=` at all. */
const setFlag = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(key, value).map(([k, v]) => `${k}=${v}`) },
  { weight: 6, arbitrary: plausible },
  key,
);

describe('--set values nobody should type (fast-check): plan exits 0 or 2 naming --set, never a crash', () => {
  it(`1-3 --set flags with generated keys and values (${RUNS} runs)`, async () => {
    const tally = new Tally();
    const started = Date.now();
    let flags = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(setFlag, { minLength: 1, maxLength: 3 }), async (sets) => {
        flags += sets.length;
        const args = ['plan', '--preset', 'kind', ...sets.flatMap((s) => ['--set', s])];
        const r = await runCli(args, { env: box.env, cwd: box.dir });
        tally.count(r.code);
        const shown = `plan --preset kind ${sets.map((s) => `--set ${JSON.stringify(s)}`).join(' ')}`;
        expectTyped(r, [0, 2], shown);
        // Checks made after validation (the cluster name) cannot know the flag: they name the field it set.
        const keys = sets.map((s) => s.split('=')[0]!).filter((k) => k !== '');
        if (r.code === 2)
          expect(errorBlock(r.stderr), shown).toMatch(new RegExp(['--set', ...keys.map((k) => k.replace(/\W/g, '\\$&'))].join('|')));
        // Nothing leaks into Object.prototype through a key like constructor.prototype.polluted.
        expect(({} as Record<string, unknown>).polluted, shown).toBeUndefined();
      }),
      { seed: 20_261_201, numRuns: RUNS },
    );
    console.log(`[bad input] --set values: ${tally.runs} fuzzed inputs, ${flags} --set flags (${tally}) in ${Date.now() - started} ms`);
  }, 120_000);
});
