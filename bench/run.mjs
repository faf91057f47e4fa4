#!/usr/bin/env node
// `npm run bench`: kindling's overhead against the bare engines on the same stand-in images, and CLI
// start-up time. Prints figures; asserts nothing. Needs Docker and .cache/bin (run `npm test` once first).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';

const repo = resolve(import.meta.dirname, '..');
const bin = join(process.env.KINDLING_CACHE ?? join(repo, '.cache'), 'bin');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const home = await mkdtemp(join(tmpdir(), 'kindling-bench-'));
const env = { ...process.env, HOME: home, KUBECONFIG: join(home, 'kubeconfig'), KINDLING_STATE: join(home, 'state'), PATH: `${bin}:${process.env.PATH}` };
const kindling = (...args) => execa('node', [join(repo, 'bin/kindling.js'), ...args], { env });

async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

const engines = {
  kind: {
    image: 'kindest/node:v1.36.1',
    bare: (n) => execa(join(bin, 'kind'), ['create', 'cluster', '--name', n, '--image', 'kindest/node:v1.36.1', '--kubeconfig', join(home, 'kc')], { env }),
    bareDown: (n) => execa(join(bin, 'kind'), ['delete', 'cluster', '--name', n, '--kubeconfig', join(home, 'kc')], { env }),
  },
  k3d: {
    image: 'rancher/k3s:v1.35.5-k3s1',
    bare: (n) => execa(join(bin, 'k3d'), ['cluster', 'create', n, '--image', 'rancher/k3s:v1.35.5-k3s1', '--timeout', '300s', '--kubeconfig-update-default=false', '--kubeconfig-switch-context=false'], { env }),
    bareDown: (n) => execa(join(bin, 'k3d'), ['cluster', 'delete', n], { env }),
  },
};

try {
  const help = [];
  for (let i = 0; i < 10; i++) help.push(await time(() => kindling('--help')));
  console.log(`kindling --help: median ${(median(help)).toFixed(0)} ms over 10 runs (node start-up included)`);
  for (const [engine, e] of Object.entries(engines)) {
    const bare = [];
    const ours = [];
    for (let i = 0; i < runs; i++) {
      const n = `bench-${engine}-${i}`;
      bare.push(await time(() => e.bare(n)));
      await e.bareDown(n);
      ours.push(await time(() => kindling('up', '--preset', engine, '--name', n, '--image', e.image, '-q')));
      await kindling('down', n, '--yes', '-q');
    }
    const ratio = median(ours) / median(bare);
    console.log(`${engine}: bare create median ${fmt(median(bare))}; kindling up median ${fmt(median(ours))}; ratio ${ratio.toFixed(2)} (${runs} runs each)`);
  }
} finally {
  await rm(home, { recursive: true, force: true });
}
