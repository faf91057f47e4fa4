// Property tests of flags as users type them: random combinations of the flags of `up`, `plan`, `down`, `scale`,
// `snapshot create` and `promote --from`, with generated values (durations like -1m or 1e9h, ports like 0, 65536
// or a:b:c, names with capitals or 64 characters, --workers -1 or 1.5, junk versions and images, mounts that are
// relative or missing, paths to folders, files and nothing), unknown flags and global flags, each run in-process
// exactly as a user runs it. Docker is a socket that does not exist and the state store starts empty, so nothing
// can be created: every run exits 0, 2, 3, 4 or 5 (never 1), prints no stack trace, and exits 5 (Docker, or the
// machine) only when the same command with --dry-run accepts its input.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { runCli } from '../../support/unit/cli.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { errorBlock, expectTyped, sandbox, Tally } from '../../support/unit/no-crash.js';

const RUNS = Number(process.env.KINDLING_PROPERTY_RUNS ?? 250);
const ALLOWED = [0, 2, 3, 4, 5];

const box = sandbox();
afterAll(() => box.remove(), 60_000);
const at = (p: string) => join(box.dir, p);

// What the paths in flags point at: folders (empty and not), files (YAML, manifests, binary junk), nothing.
mkdirSync(at('folder'));
mkdirSync(at('data'));
mkdirSync(at('manifests'));
writeFileSync(at('data/x.txt'), 'x');
writeFileSync(at('file.txt'), 'hello\n');
writeFileSync(at('junk.bin'), Buffer.from([0, 255, 254, 10, 0, 58, 91, 123]));
writeFileSync(at('bad.yaml'), 'a: [\n');
writeFileSync(at('mine.yaml'), 'apiVersion: kindling.dev/v1alpha1\nkind: Preset\nname: mine\nextends: kind\ndescription: mine\n');
writeFileSync(at('manifest.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: shop}\ndata: {k: v}\n');
writeFileSync(
  at('manifests/web.yaml'),
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: nginx}]}}}\n',
);
writeFileSync(at('manifests/notes.txt'), 'not yaml\n');
writeFileSync(at('kubeconfig'), 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
writeFileSync(at('kubeconfig-junk'), 'clusters: [\n');

/** Paths inside the sandbox only (never `..`: promote replaces bundles, up writes kubeconfigs), absolute. */
const path = fc.constantFrom(
  ...[
    '.',
    'folder',
    'data',
    'manifests',
    'file.txt',
    'junk.bin',
    'bad.yaml',
    'mine.yaml',
    'manifest.yaml',
    'manifests/web.yaml',
    'kubeconfig',
    'kubeconfig-junk',
    'missing',
    'missing/deeper',
    'file.txt/below-a-file',
    'a'.repeat(300),
  ].map(at),
);

const duration = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('5m', '90s', '0s', '1h30m', '500ms', '10m') },
  fc.constantFrom(
    '0',
    '0s',
    '-1m',
    '1e9h',
    '',
    ' ',
    '5m',
    '1h30m',
    '500ms',
    '90s',
    '1.5h',
    '.5s',
    '99999999999999999999h',
    '5 m',
    '5M',
    'm',
    'abc',
    '∞',
    'NaN',
    '1d',
  ),
  fc.tuple(fc.nat({ max: 100_000 }), fc.constantFrom('ms', 's', 'm', 'h', '', 'd', 'x')).map(([n, u]) => `${n}${u}`),
  fc.string({ maxLength: 8 }),
);
const port = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('8080:80', '127.0.0.1:8443:443', '5353:53/udp') },
  fc.constantFrom(
    '0',
    '65536',
    'a:b:c',
    '8080:80',
    '0:80',
    '80:0',
    '127.0.0.1:8080:80',
    '8080:80/udp',
    '8080:80/UDP',
    '8080:80/sctp',
    '8080:80/tcp/x',
    '::1:80:80',
    '999.0.0.1:80:80',
    '80',
    '-1:80',
    '1:1',
    '',
    ':',
    '6443:6443',
    '8080:80:90:100',
    '１:２',
  ),
  fc.tuple(fc.integer({ min: -2, max: 70_000 }), fc.integer({ min: -2, max: 70_000 })).map(([h, c]) => `${h}:${c}`),
  fc.string({ maxLength: 12 }),
);
const clusterName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('dev', 'kdev') }, // in the state store (see seed)
  fc.constantFrom(
    'dev',
    'Dev',
    'a_b',
    'a'.repeat(63),
    'a'.repeat(64),
    'b'.repeat(50),
    'c'.repeat(33),
    '-x',
    'x-',
    '',
    ' ',
    '..',
    '../x',
    'a/b',
    'a.b',
    '0',
    'kind',
    'nul\u0000',
    'ünï',
    'x'.repeat(5000),
  ),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
  fc.string({ maxLength: 20 }),
);
const count = fc.oneof(
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 50 }).map(String) },
  fc.constantFrom('-1', '1.5', '999', '0', '1', '3', '50', '51', '', 'two', '1e2', '0x10', ' 2', '2 ', '+2', '٣', '9'.repeat(400)),
  fc.integer({ min: -5, max: 100 }).map(String),
);
const version = fc.constantFrom(
  'v1.36.1',
  'v1.37.0',
  '1.36.1',
  'latest',
  'v1.2.3',
  'v1.36',
  'v99.0.0',
  'v1.36.1-rc.0',
  '',
  'v',
  'V1.36.1',
  'v1.36.1 ',
  'v01.036.001',
  `v${'9'.repeat(400)}.1.1`,
);
const image = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'kindest/node:v1.36.1',
    'a b',
    'UPPER/x',
    '::::',
    'x@sha256:zz',
    'rancher/k3s:v1.36.1-k3s1',
    'localhost:5000/n:1',
    '-x',
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 20 }),
);
const mount = fc.oneof(
  fc.constantFrom('rel:/x', 'missing:/x', '/nonexistent/kindling-data:/data', ':', '', '/x', 'C:\\x:/y', '/a:/b:/c:/d'),
  fc
    .tuple(path, fc.constantFrom('/data', 'relative', '', '/data:ro', '/data:rw', '/data:xx', '/', '/data/../..'))
    .map(([p, c]) => `${p}:${c}`),
);
const setValue = fc.constantFrom(
  'nodes.workers=2',
  'nodes.workers=-1',
  'nodes.workers=two',
  'colour=blue',
  'apiServer.port=6443',
  'ports.0.hostPort=80',
  'name',
  '=x',
  'a..b=1',
  'registry.enabled=true',
  'notes.0=x',
);
const output = fc.constantFrom('text', 'json', 'yaml', 'JSON', '', 'xml', 'table');
const target = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('eks', 'gke', 'kubeadm', 'openshift') },
  fc.constantFrom(
    'kubeadm',
    'kops',
    'eks',
    'gke',
    'aks',
    'openshift',
    'rke2',
    'rancher',
    'tanzu',
    'capi',
    'mke',
    'eks,gke',
    'EKS',
    'eks,',
    ',',
    '',
    'junk',
    'eks,junk',
  ),
  fc.string({ maxLength: 10 }),
);
const presetRef = fc.oneof(
  fc.constantFrom('kind', 'k3d', 'k3s', 'minikube', 'microk8s', 'Kind', 'nope', '', '.', './', 'kind.yaml', '../kind'),
  path,
);
const anyText = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', '-', '--', '-x', '--bogus', '=', 'a=b'));

/** A flag: its name, and how its value (if any) is generated. */
type Flag = [string, fc.Arbitrary<string> | null];

const CLUSTER_FLAGS: Flag[] = [
  ['--preset', presetRef],
  ['--name', clusterName],
  ['--workers', count],
  ['--k8s-version', version],
  ['--image', image],
  ['--port', port],
  ['--port', port],
  ['--mount', mount],
  ['--mount', mount],
  ['--registry', null],
  ['--set', setValue],
  ['--no-merge', null],
  ['--switch-context', null],
  ['--wait', duration],
];
const FLAGS: Record<string, Flag[]> = {
  plan: [...CLUSTER_FLAGS, ['-o', output]],
  up: [
    ...CLUSTER_FLAGS,
    ['--timeout', duration],
    ['--retain', null],
    ['--addons-from', path],
    [
      '--from-snapshot',
      fc.oneof(
        fc.constantFrom('dev/snap', 'kdev/x', 'a/b', 'dev/20261206-163000', 'x', '', '/', 'a/', '/b', 'a/b/c', 'A/B'),
        fc.string({ maxLength: 10 }),
      ),
    ],
    ['--dry-run', null],
    ['-o', output],
  ],
  down: [
    ['--all', null],
    ['--yes', null],
    ['--forget', null],
    ['--backup', null],
    ['--dry-run', null],
    ['-o', output],
  ],
  scale: [
    ['--workers', count],
    ['--wait', duration],
    ['--timeout', duration],
    ['--dry-run', null],
    ['--yes', null],
    ['-o', output],
  ],
  'snapshot create': [
    ['--name', clusterName],
    ['--consistent', null],
    ['--wait', duration],
    ['--timeout', duration],
    ['--dry-run', null],
    ['-o', output],
  ],
  promote: [
    ['--from', fc.oneof({ weight: 2, arbitrary: fc.constantFrom(at('manifest.yaml'), at('manifests')) }, path)],
    ['--from', path],
    ['--to', target],
    ['--to', target],
    ['--out', fc.oneof(fc.constantFrom('out', 'out/deeper', 'file.txt', 'folder', '.', 'missing/x').map(at), fc.constant(''))],
    [
      '--image-registry',
      fc.oneof(fc.constantFrom('ghcr.io/team', '', 'UPPER', 'a b', 'localhost:5000', 'x'.repeat(300)), fc.string({ maxLength: 10 })),
    ],
    [
      '--set',
      fc.oneof(
        fc.constantFrom('region=eu-west-1', 'eks.region=x', 'junk', '=', 'a=', 'gke.project=p', 'x.y.z=1'),
        fc.string({ maxLength: 10 }),
      ),
    ],
    ['--storage-class', fc.oneof(fc.constantFrom('fast', '', 'UPPER', 'a b'), fc.string({ maxLength: 10 }))],
    ['--openshift-routes', null],
    ['--internal-load-balancers', null],
    ['--with-state', null],
    ['--include-secrets', null],
    ['--preset', presetRef],
    ['-o', output],
  ],
};

/** Flags a command cannot do without, given nine times in ten so that most runs get past commander. */
const REQUIRED: Record<string, Flag[]> = {
  scale: [['--workers', count]],
  promote: [
    ['--from', fc.constantFrom(at('manifest.yaml'), at('manifests'))],
    ['--to', target],
  ],
};

/** Positional arguments: a cluster name (required by scale and snapshot create), or junk. */
const POSITIONALS: Record<string, fc.Arbitrary<string[]>> = {
  plan: fc.constant([]),
  up: fc.constant([]),
  down: fc.array(clusterName, { maxLength: 3 }),
  scale: fc.oneof({ weight: 9, arbitrary: clusterName.map((n) => [n]) }, fc.array(clusterName, { maxLength: 2 })),
  'snapshot create': fc.oneof({ weight: 9, arbitrary: clusterName.map((n) => [n]) }, fc.array(clusterName, { maxLength: 2 })),
  promote: fc.oneof(
    { weight: 4, arbitrary: fc.constant<string[]>([]) },
    clusterName.map((n) => [n]),
  ),
};

/** Global flags, before the command. --state and --kubeconfig only inside the sandbox. */
const GLOBAL: Flag[] = [
  ['--state', path],
  ['--kubeconfig', path],
  ['--docker-context', fc.constantFrom('default', 'nope', '', 'Bad Name')],
  ['-v', null],
  ['-q', null],
  ['--no-color', null],
];

function flagArgs(flags: Flag[], min = 0): fc.Arbitrary<string[]> {
  return fc
    .uniqueArray(fc.nat({ max: flags.length - 1 }), { minLength: min, maxLength: Math.min(4, flags.length) })
    .chain((picked) =>
      fc.tuple(
        ...picked.map((i) => {
          const [name, value] = flags[i]!;
          return value === null ? fc.constant([name]) : value.map((v) => [name, v]);
        }),
        fc.constant([]),
      ),
    )
    .map((pairs) => pairs.flat());
}

/** argv for a command: globals, the command, its flags and positionals in random order, maybe an unknown flag. */
function argv(command: string): fc.Arbitrary<string[]> {
  const words = command.split(' ');
  return fc
    .tuple(
      fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, flagArgs(GLOBAL)),
      REQUIRED[command]
        ? fc.oneof({ weight: 9, arbitrary: flagArgs(REQUIRED[command], REQUIRED[command].length) }, fc.constant([]))
        : fc.constant([]),
      flagArgs(FLAGS[command]!),
      POSITIONALS[command]!,
      fc.oneof(
        { weight: 9, arbitrary: fc.constant([]) },
        fc.constantFrom(['--bogus'], ['-Z'], ['--workers'], ['--preset'], ['--'], ['--dry-run=yes'], ['--no-such-flag', 'x']),
        anyText.map((t) => [t]),
      ),
    )
    .map(([globals, required, flags, positionals, extra]) => [...globals, ...words, ...positionals, ...required, ...flags, ...extra]);
}

/** Two clusters in the state store (kind `dev`, k3d `kdev`), so that scale, snapshot and down get past "not found". */
function seed(state: string): void {
  for (const [name, preset] of [
    ['dev', 'kind'],
    ['kdev', 'k3d'],
  ] as const) {
    mkdirSync(join(state, 'clusters', name, 'history'), { recursive: true });
    const spec = resolveClusterSpec(builtinPreset(preset), { name }).spec;
    writeFileSync(join(state, 'clusters', name, 'spec.yaml'), stringify({ generation: 1, spec }));
  }
}

/** The commands that take --dry-run: the same input, checked without touching Docker. */
const DRY_RUN = new Set(['up', 'down', 'scale', 'snapshot create']);

async function check(command: string, args: string[], tally: Tally, state: string): Promise<void> {
  seed(state);
  const env = { ...box.env, KINDLING_STATE: state };
  const r = await runCli(args, { env, cwd: box.dir });
  tally.count(r.code);
  const shown = `kindling ${args.map((a) => (a.length > 80 ? `${JSON.stringify(a.slice(0, 80))}...(${a.length})` : JSON.stringify(a))).join(' ')}`;
  expectTyped(r, ALLOWED, shown, { afterLogs: true });
  if (r.code !== 5) return;
  // Exit 5 is the machine (Docker, a state folder that cannot be made), and only after the input was accepted.
  const block = errorBlock(r.stderr);
  expect(block, shown).toMatch(/Docker|docker|state store/);
  // A state store folder that cannot be made (--state too long) is the machine before Docker is asked: not compared.
  if (DRY_RUN.has(command) && !args.includes('--dry-run') && !/state store/.test(block)) {
    const dry = await runCli([...args.filter((a) => a !== '--'), '--dry-run'], { env, cwd: box.dir });
    expect(dry.code, `${shown} --dry-run:\n${dry.stderr}`).not.toBe(2);
  }
}

describe('flags nobody should type (fast-check): exit 0, 2, 3, 4 or 5, never 1 or a stack trace', () => {
  let seed = 20_261_300;
  for (const command of Object.keys(FLAGS)) {
    const runs = command === 'up' || command === 'plan' ? RUNS : Math.round(RUNS / 2);
    const thisSeed = ++seed;
    it(`kindling ${command} with random flags and values (${runs} runs)`, async () => {
      const tally = new Tally();
      const started = Date.now();
      let n = 0;
      await fc.assert(
        fc.asyncProperty(argv(command), async (args) => {
          const state = at(`state-${command.replace(' ', '-')}-${n++}`);
          await check(command, args, tally, state);
          rmSync(state, { recursive: true, force: true });
        }),
        { seed: thisSeed, numRuns: runs },
      );
      console.log(`[bad input] flags of ${command}: ${tally.runs} fuzzed inputs (${tally}) in ${Date.now() - started} ms`);
    }, 180_000);
  }
});
