// Property tests of promotion on input nobody should write and somebody will: generated objects with null, empty,
// wrongly typed and very long values at every level of metadata and the pod spec, and the corpus documents with
// random fields nulled or retyped, through reading and the whole bundle to every target. Never an exception that
// is not one of kindling's typed errors (the CLI's exit 1), and every file written still parses.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments, parse as parseYaml, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { KindlingError } from '../../../src/errors.js';
import { buildBundle } from '../../../src/export/bundle/build-bundle.js';
import { parseManifest } from '../../../src/export/source/parse-manifest.js';
import { TARGET_NAMES } from '../../../src/export/targets/index.js';
import { KIND_DEFAULT } from './targets/fixtures.js';

const RUNS = Number(process.env.KINDLING_PROPERTY_RUNS ?? 150);
const corpus = resolve(import.meta.dirname, '../../../../shared/corpus');

/** Values nobody should write: null, empty, the wrong type, very long. */
const weird = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    '',
    0,
    -1,
    1.5,
    true,
    false,
    [],
    {},
    [null],
    [1, 'a'],
    { a: null },
    'x'.repeat(20_000),
    '\u0000\u202e',
    '{{ .Values.x }}',
  ),
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.array(fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
);

const podSpec = () => ({
  containers: [
    {
      name: 'app',
      image: 'app:1',
      ports: [{ containerPort: 80 }],
      env: [{ name: 'A', value: '1' }],
      volumeMounts: [{ name: 'data', mountPath: '/data' }],
      resources: { limits: { cpu: '1' } },
    },
  ],
  volumes: [
    { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
    { name: 'host', hostPath: { path: '/var/x' } },
  ],
  securityContext: { runAsNonRoot: true },
  nodeSelector: { disk: 'ssd' },
});
const BASES: Record<string, unknown>[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' }, annotations: { a: 'b' } },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: podSpec() } },
  },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec: podSpec() },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'shop', annotations: { 'service.beta.kubernetes.io/x': 'y' } },
    spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }] },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'web', namespace: 'shop' },
    spec: {
      ingressClassName: 'nginx',
      rules: [
        {
          host: 'shop.local',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] },
        },
      ],
      tls: [{ hosts: ['shop.local'] }],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'shop' },
    spec: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'job', namespace: 'shop' },
    spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: podSpec() } } } },
  },
];

/** Every path (as keys) into a value. */
function paths(v: unknown, at: string[] = []): string[][] {
  const out = [at];
  if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) out.push(...paths((v as Record<string, unknown>)[k], [...at, k]));
  return out;
}

function setAt(root: unknown, path: readonly string[], value: unknown): void {
  let o = root as Record<string, unknown>;
  for (const k of path.slice(0, -1)) o = o?.[k] as Record<string, unknown>;
  if (o !== null && typeof o === 'object') o[path.at(-1)!] = value;
}

/** A document: a base (or corpus) object with 1-4 of its fields replaced by weird values. */
function mutated(bases: readonly unknown[]) {
  return fc
    .tuple(fc.nat({ max: bases.length - 1 }), fc.array(fc.tuple(fc.nat(), weird), { minLength: 1, maxLength: 4 }))
    .map(([i, changes]) => {
      const doc = structuredClone(bases[i]);
      for (const [at, value] of changes) {
        // Below the top level: a document without apiVersion, kind or metadata is refused whole (exit 2), which
        // says nothing about the rules that read the rest.
        const all = paths(doc).filter((p) => p.length > 1);
        if (all.length > 0) setAt(doc, all[at % all.length]!, structuredClone(value));
      }
      return doc;
    });
}

const tally = { runs: 0, objects: 0, leftOut: 0, refused: 0 };

/** Reads the documents and promotes them to every target; returns nothing, throws only KindlingErrors. */
function promoteAll(docs: readonly unknown[]): void {
  tally.runs++;
  const text = docs.map((d) => stringify(d)).join('---\n');
  let parsed: ReturnType<typeof parseManifest>;
  try {
    parsed = parseManifest(text, 'hostile.yaml');
  } catch (err) {
    if (!(err instanceof KindlingError)) throw err;
    tally.refused++;
    return;
  }
  tally.objects += parsed.objects.length;
  tally.leftOut += parsed.skipped.length;
  try {
    const bundle = buildBundle({
      objects: parsed.objects,
      skippedDocuments: parsed.skipped,
      source: { files: ['hostile.yaml'] },
      facts: KIND_DEFAULT,
      targets: TARGET_NAMES,
      includeSecrets: true,
    });
    for (const f of bundle.files) {
      if (f.path.endsWith('.json')) JSON.parse(f.content);
      else if (/\.ya?ml$/.test(f.path)) for (const d of parseAllDocuments(f.content)) expect(d.errors, f.path).toEqual([]);
    }
  } catch (err) {
    if (!(err instanceof KindlingError)) throw err;
    tally.refused++;
  }
}

function corpusDocuments(): unknown[] {
  if (!existsSync(corpus)) return [];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(f)) files.push(p);
    }
  };
  walk(corpus);
  return files
    .flatMap((f) => parseAllDocuments(readFileSync(f, 'utf8')).map((d) => d.toJS()))
    .filter((v) => v !== null && typeof v === 'object');
}

describe('promotion of hostile input (fast-check)', () => {
  it(`generated objects with weird values in metadata and the pod spec (${RUNS} runs of 1-4 documents): only typed errors, valid files`, () => {
    fc.assert(
      fc.property(fc.array(mutated(BASES), { minLength: 1, maxLength: 4 }), (docs) => promoteAll(docs)),
      { numRuns: RUNS },
    );
    console.log(
      `[hostile input] generated: ${tally.runs} runs, ${tally.objects} objects promoted, ${tally.leftOut} left out with a finding, ${tally.refused} inputs refused with exit 2`,
    );
  }, 300_000);

  const docs = corpusDocuments();
  it.skipIf(docs.length === 0)(
    `corpus documents with random fields nulled or retyped (${RUNS} runs): only typed errors, valid files`,
    () => {
      const before = { ...tally };
      fc.assert(
        fc.property(fc.array(mutated(docs), { minLength: 1, maxLength: 3 }), (picked) => promoteAll(picked)),
        { numRuns: RUNS },
      );
      console.log(
        `[hostile input] corpus (${docs.length} documents): ${tally.runs - before.runs} runs, ${tally.objects - before.objects} objects promoted, ${tally.leftOut - before.leftOut} left out with a finding, ${tally.refused - before.refused} refused`,
      );
    },
    300_000,
  );

  it('the reported crash paths: each a finding or exit 2, never an exception', () => {
    const cases = [
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\nspec: {template: {spec: {containers: [{name: a, image: b}]}}}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: null}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: 42}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}], volumes: not-a-list}\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: x}], volumes: [null, {name: v, emptyDir: {}}]}\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: s, annotations: oops}\nspec: {type: LoadBalancer, ports: [{port: 80}]}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: 123}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: x\n  labels: {self: *m}\n',
    ];
    for (const text of cases) promoteAll(parseAllDocuments(text).map((d) => d.toJS()));
    const left = parseManifest(cases[5]!, 'n.yaml').skipped;
    expect(left).toEqual([
      { file: 'n.yaml', document: 0, reason: 'ConfigMap left out: metadata.name must be a string, got a number (123)' },
    ]);
    expect(parseManifest(cases[4]!, 's.yaml').skipped[0]!.reason).toContain(
      'metadata.annotations must be a map of strings, got a string ("oops")',
    );
    expect(parseYaml('a: 1')).toEqual({ a: 1 });
  });
});
