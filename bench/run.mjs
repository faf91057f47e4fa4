#!/usr/bin/env node
// `npm run bench [-- GROUP...]`: prints figures, asserts nothing. Groups: startup (CLI start-up time), engines
// (kindling's overhead against the bare engines on the same stand-in images; needs Docker and .cache/bin, so run
// `npm test` once first), promote (the promotion pipeline on 10,000 generated objects and on the largest corpus
// file; needs dist/, built by `npm test` or `npm run build`), readiness (time to the timed-out error of `up --wait 30s`
// on a node with no API server; needs Docker and the stand-in images), lifecycle (start of a stopped cluster
// against up from nothing, snapshot create and restore of the corpus apps; the same), state (list of 50 clusters and
// lock + spec write + unlock, directory store against the S3 store on a local versitygw; needs .cache/bin and dist/), parallel
// (10 clusters at once against one, both engines, the memory per cluster, `workshop up` of 10 and `workshop reset`;
// needs Docker, .cache/bin and dist/). No group named: all of them, in that order.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { fmt, median, time } from './measure.mjs';
import { benchPromote } from './promote.mjs';
import { benchParallel } from './parallel.mjs';
import { benchState } from './state.mjs';

const repo = resolve(import.meta.dirname, '..');
const bin = join(process.env.KINDLING_CACHE ?? join(repo, '.cache'), 'bin');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const promoteRuns = Number(process.env.BENCH_PROMOTE_RUNS ?? 5);

const engines = {
  kind: {
    image: 'kindest/node:v1.36.1',
    bare: (n, env, home) =>
      execa(join(bin, 'kind'), ['create', 'cluster', '--name', n, '--image', 'kindest/node:v1.36.1', '--kubeconfig', join(home, 'kc')], {
        env,
      }),
    bareDown: (n, env, home) => execa(join(bin, 'kind'), ['delete', 'cluster', '--name', n, '--kubeconfig', join(home, 'kc')], { env }),
  },
  k3d: {
    image: 'rancher/k3s:v1.35.5-k3s1',
    bare: (n, env) =>
      execa(
        join(bin, 'k3d'),
        [
          'cluster',
          'create',
          n,
          '--image',
          'rancher/k3s:v1.35.5-k3s1',
          '--timeout',
          '300s',
          '--kubeconfig-update-default=false',
          '--kubeconfig-switch-context=false',
        ],
        { env },
      ),
    bareDown: (n, env) => execa(join(bin, 'k3d'), ['cluster', 'delete', n], { env }),
  },
};

async function startup({ kindling }) {
  const help = [];
  for (let i = 0; i < 10; i++) help.push(await time(() => kindling('--help')));
  console.log(`kindling --help: median ${(median(help)).toFixed(0)} ms over 10 runs (node start-up included)`);
}

async function engineOverhead({ kindling, env, home }) {
  for (const [engine, e] of Object.entries(engines)) {
    const bare = [];
    const ours = [];
    const steps = new Map();
    for (let i = 0; i < runs; i++) {
      const n = `bench-${engine}-${i}`;
      bare.push(await time(() => e.bare(n, env, home)));
      await e.bareDown(n, env, home);
      let out = '';
      ours.push(
        await time(async () => {
          out = (await kindling('up', '--preset', engine, '--name', n, '--image', e.image, '-q', '-o', 'json')).stdout;
        }),
      );
      for (const s of JSON.parse(out).steps ?? []) steps.set(s.id, [...(steps.get(s.id) ?? []), s.ms]);
      await kindling('down', n, '--yes', '-q');
    }
    const ratio = median(ours) / median(bare);
    console.log(
      `${engine}: bare create median ${fmt(median(bare))}; kindling up median ${fmt(median(ours))}; ratio ${ratio.toFixed(2)} (goal 1.02; ${runs} runs each)`,
    );
    console.log(`${engine}: up's steps, median: ${[...steps].map(([id, ms]) => `${id} ${median(ms)} ms`).join(', ')}`);
  }
}

// `up --wait 30s` on an image whose API server never answers (the -noapi stand-ins): the time to the
// timed-out error and rollback. test/integration/readiness.test.ts checks what happens; this says how long.
async function readinessTimeout({ kindling }) {
  const noApi = { kind: 'kindest/node:v1.36.1-noapi', k3d: 'rancher/k3s:v1.35.5-k3s1-noapi' };
  for (const [engine, image] of Object.entries(noApi)) {
    const n = `bench-noapi-${engine}`;
    let code;
    const ms = await time(async () => {
      code = (await kindling('up', '--preset', engine, '--name', n, '--image', image, '--wait', '30s', '-q').catch((e) => e)).exitCode;
    });
    console.log(`${engine}: up --wait 30s with no API server -> exit ${code} after ${fmt(ms)} (limit 30 s plus create and rollback)`);
  }
}

// `start` of a stopped one-node cluster to ready (every readiness stage) against `up` of the same cluster from
// nothing, on the stand-in images with a real control plane. Issue 13's goal: start <= 25% of up.
// The corpus apps a snapshot carries (../shared beside the repo; without it, snapshots are timed on an empty cluster).
const corpus = resolve(repo, '../shared/corpus');
const apps = ['kubernetes-website__mysql-deployment.yaml', 'kubernetes-website__wordpress-deployment.yaml'].map((f) => join(corpus, f));

async function applyApps(env, context) {
  if (!existsSync(apps[0])) return false;
  const kubectl = (...args) => execa(join(bin, 'kubectl'), ['--context', context, ...args], { env });
  await kubectl('create', 'namespace', 'blog');
  await kubectl('-n', 'blog', 'create', 'secret', 'generic', 'mysql-pass', '--from-literal=password=bench');
  await kubectl('-n', 'blog', 'apply', ...apps.flatMap((f) => ['-f', f]));
  return true;
}

async function lifecycle({ kindling, env }) {
  const images = { kind: 'kindest/node:v1.36.1', k3d: 'rancher/k3s:v1.35.5-k3s1' };
  for (const [engine, image] of Object.entries(images)) {
    const ups = [];
    const starts = [];
    const snapshots = [];
    const restores = [];
    let withApps = false;
    for (let i = 0; i < runs; i++) {
      const n = `bench-life-${engine}-${i}`;
      ups.push(await time(() => kindling('up', '--preset', engine, '--name', n, '--image', image, '--wait', '3m', '-q')));
      withApps = await applyApps(env, `${engine}-${n}`);
      snapshots.push(await time(() => kindling('snapshot', 'create', n, '--name', 'bench', '-q')));
      await kindling('stop', n, '-q');
      starts.push(await time(() => kindling('start', n, '--wait', '3m', '-q')));
      restores.push(await time(() => kindling('snapshot', 'restore', n, 'bench', '--yes', '-q')));
      await kindling('down', n, '--yes', '-q');
      await kindling('snapshot', 'delete', n, 'bench', '-q');
    }
    const ratio = median(starts) / median(ups);
    console.log(
      `${engine}: up --wait median ${fmt(median(ups))}; start of the stopped cluster --wait median ${fmt(median(starts))}; start/up ${(100 * ratio).toFixed(0)}% (${runs} runs each)`,
    );
    const what = withApps ? 'the corpus WordPress/MySQL apps' : 'an empty cluster (../shared/corpus not found)';
    console.log(
      `${engine}: snapshot create of ${what} median ${fmt(median(snapshots))}; snapshot restore (recreate + restore) median ${fmt(median(restores))}; restore/up ${((100 * median(restores)) / median(ups)).toFixed(0)}%`,
    );
  }
}

const GROUPS = {
  startup,
  engines: engineOverhead,
  lifecycle,
  readiness: readinessTimeout,
  promote: (ctx) => benchPromote({ ...ctx, repo, runs: promoteRuns }),
  state: () => benchState({ repo, bin, runs }),
  parallel: benchParallel,
};

const chosen = process.argv.slice(2);
const unknown = chosen.filter((g) => !(g in GROUPS));
if (unknown.length > 0) {
  console.error(`unknown bench group ${unknown.join(', ')}: choose from ${Object.keys(GROUPS).join(', ')}`);
  process.exit(2);
}
const home = await mkdtemp(join(tmpdir(), 'kindling-bench-'));
const env = {
  ...process.env,
  HOME: home,
  KUBECONFIG: join(home, 'kubeconfig'),
  KINDLING_STATE: join(home, 'state'),
  PATH: `${bin}:${process.env.PATH}`,
  // The stand-in node images run no kubelet: a cgroup v1 host does not stop them (up checks it for real images).
  KINDLING_IGNORE_PREFLIGHT_ERRORS: 'cgroup',
};
const kindling = (...args) => execa('node', [join(repo, 'bin/kindling.js'), ...args], { env });
try {
  for (const [name, group] of Object.entries(GROUPS)) {
    if (chosen.length === 0 || chosen.includes(name)) await group({ kindling, env, home });
  }
} finally {
  await rm(home, { recursive: true, force: true });
}
