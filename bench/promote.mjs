// The promote group of `npm run bench`: the pure pipeline (buildBundle) on 10,000 generated live objects to every
// target, the same plus writing the bundle, and the largest file of ../shared/corpus through the whole CLI and
// through the in-process pipeline. Prints median, min and objects/s; asserts nothing. Needs dist/ (npm run build).
import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateObjects } from './generate-objects.mjs';
import { fmtMs, median, time } from './measure.mjs';

const GENERATED = { total: 10_000, namespaces: 100, seed: 1 };

async function load(repo) {
  const dist = (path) => import(pathToFileURL(join(repo, 'dist', path)).href);
  if (!existsSync(join(repo, 'dist', 'index.js'))) throw new Error(`${join(repo, 'dist')} is missing: run \`npm run build\` first`);
  const [bundle, write, sources, files, targets, api] = await Promise.all(
    [
      'export/bundle/build-bundle.js',
      'export/bundle/write-bundle.js',
      'export/source/read-sources.js',
      'export/source/list-files.js',
      'export/targets/index.js',
      'index.js',
    ].map(dist),
  );
  return {
    buildBundle: bundle.buildBundle,
    writeBundle: write.writeBundle,
    readManifestSources: sources.readManifestSources,
    listManifestFiles: files.listManifestFiles,
    TARGET_NAMES: targets.TARGET_NAMES,
    devClusterFacts: targets.devClusterFacts,
    plan: api.plan,
  };
}

/** `runs` timings of `fn`, each followed by the untimed `after` (clean-up between runs). */
async function measure(runs, fn, after = async () => {}) {
  const ms = [];
  for (let i = 0; i < runs; i++) {
    ms.push(await time(() => fn(i)));
    await after(i);
  }
  return ms;
}

function report(label, ms, objects, extra) {
  const rate = Math.round(objects / (median(ms) / 1000));
  console.log(
    `${label}: median ${fmtMs(median(ms))}, min ${fmtMs(Math.min(...ms))}, ${rate} objects/s (${ms.length} runs${extra ? `; ${extra}` : ''})`,
  );
}

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

/** The largest manifest file promote would read from `corpus`, or undefined with the reason printed. */
async function largestCorpusFile(lib, corpus) {
  if (!existsSync(corpus)) {
    console.log(`promote on the largest corpus file: skipped, ${corpus} does not exist (it sits next to the repository)`);
    return undefined;
  }
  const sized = await Promise.all(
    (await lib.listManifestFiles([corpus])).files.map(async (file) => ({ file, bytes: (await stat(file)).size })),
  );
  return sized.sort((a, b) => b.bytes - a.bytes)[0];
}

async function generatedCases(lib, ctx, facts, scratch) {
  const t = performance.now();
  const objects = generateObjects(GENERATED);
  console.log(
    `promote: generated ${objects.length} live objects in ${GENERATED.namespaces} namespaces (seed ${GENERATED.seed}) in ${fmtMs(performance.now() - t)}`,
  );
  const input = { objects, source: { cluster: 'bench' }, facts, targets: [...lib.TARGET_NAMES] };
  let bundle;
  const inMemory = await measure(ctx.runs, () => {
    bundle = lib.buildBundle(input);
  });
  const bytes = bundle.files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  const shape = `${bundle.base.length} kept, ${bundle.skipped.length} skipped, ${bundle.files.length} files, ${megabytes(bytes)}`;
  report(
    `promote buildBundle, ${objects.length} generated objects to ${lib.TARGET_NAMES.length} targets, in memory`,
    inMemory,
    objects.length,
    shape,
  );
  const out = (i) => join(scratch, `generated-${i}`);
  const toDisk = await measure(
    ctx.runs,
    async (i) => lib.writeBundle(out(i), lib.buildBundle(input).files),
    (i) => rm(out(i), { recursive: true, force: true }),
  );
  report(
    `promote buildBundle + writeBundle, ${objects.length} generated objects to ${lib.TARGET_NAMES.length} targets`,
    toDisk,
    objects.length,
    `${bundle.files.length} files, each run into a fresh temp folder, removed after it`,
  );
}

async function corpusCases(lib, ctx, facts, scratch) {
  const largest = await largestCorpusFile(lib, ctx.corpus);
  if (largest === undefined) return;
  const { file, bytes } = largest;
  const parsed = await lib.readManifestSources([file]);
  const what = `${basename(file)} (${megabytes(bytes)}, ${parsed.objects.length} objects) to ${lib.TARGET_NAMES.length} targets`;
  const out = join(scratch, 'corpus');
  const cli = await measure(
    ctx.runs,
    () => ctx.kindling('promote', '--from', file, '--to', lib.TARGET_NAMES.join(','), '--out', out, '-q'),
    () => rm(out, { recursive: true, force: true }),
  );
  report(
    `promote CLI on ${what}, wall time`,
    cli,
    parsed.objects.length,
    `node start-up, preset load and writing included; ${megabytes(bytes / (median(cli) / 1000))}/s`,
  );
  const pipeline = await measure(ctx.runs, async () => {
    const read = await lib.readManifestSources([file]);
    lib.buildBundle({
      objects: read.objects,
      skippedDocuments: read.skipped,
      source: { files: [file] },
      facts,
      targets: [...lib.TARGET_NAMES],
    });
  });
  report(
    `promote in process (readManifestSources + buildBundle) on ${what}`,
    pipeline,
    parsed.objects.length,
    `${megabytes(bytes / (median(pipeline) / 1000))}/s`,
  );
}

/** A large multi-document file (BENCH_LARGE_OBJECTS generated live objects, 8,000 by default: about 24 MB) through
 * the CLI to every target: wall time and peak memory (GNU time's maximum resident set), against the goals of a
 * 50 MB file in 10 s and 1 GiB. Once, since it takes long. */
async function largeInput(lib, ctx, scratch) {
  const total = Number(process.env.BENCH_LARGE_OBJECTS ?? 8000);
  const file = join(scratch, 'large.yaml');
  const objects = generateObjects({ total, namespaces: Math.max(1, Math.round(total / 100)), seed: 2 });
  const { stringify } = await import('yaml');
  // As kubectl writes a dump: no anchors or aliases.
  await writeFile(file, objects.map((o) => stringify(o.object ?? o, { aliasDuplicateObjects: false })).join('---\n'));
  const bytes = (await stat(file)).size;
  const out = join(scratch, 'large-out');
  const gnuTime = existsSync('/usr/bin/time');
  const cli = [join(ctx.repo, 'bin/kindling.js'), 'promote', '--from', file, '--to', lib.TARGET_NAMES.join(','), '--out', out, '-q'];
  let rss = '';
  const ms = await time(async () => {
    const r = gnuTime
      ? await execa('/usr/bin/time', ['-f', '%M', 'node', ...cli], { env: ctx.env })
      : await execa('node', cli, { env: ctx.env });
    rss = gnuTime
      ? `${Math.round(Number(r.stderr.trim().split('\n').at(-1)) / 1024)} MiB peak`
      : 'peak memory not measured (no /usr/bin/time)';
  });
  await rm(out, { recursive: true, force: true });
  console.log(
    `promote CLI on a generated ${megabytes(bytes)} file (${total} live objects) to ${lib.TARGET_NAMES.length} targets: ${fmtMs(ms)}, ${rss}; ${megabytes(bytes / (ms / 1000))}/s (goal: 50 MB in <= 10 s, <= 1 GiB)`,
  );
}

/** Runs the promote cases. `ctx`: repo root, scratch home and env (as for the CLI), the CLI runner, run count. */
export async function benchPromote(ctx) {
  const lib = await load(ctx.repo);
  // The facts `kindling promote --from` uses: the default preset's, planned with the bench's own HOME.
  const facts = lib.devClusterFacts((await lib.plan({ cwd: ctx.home, env: ctx.env })).spec);
  const scratch = await mkdtemp(join(ctx.home, 'promote-'));
  try {
    await generatedCases(lib, ctx, facts, scratch);
    await corpusCases(lib, { ...ctx, corpus: ctx.corpus ?? resolve(ctx.repo, '../shared/corpus') }, facts, scratch);
    await largeInput(lib, ctx, scratch);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
