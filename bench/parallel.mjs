// The `parallel` bench group (issue 18): N clusters created at once against one (both engines, the stand-in images
// with a real control plane; goal: N at once <= 2.5x the time of one), the memory each cluster takes (Docker's stats
// of its node containers, as `up` records it for doctor), and the time of `workshop up` for N attendees and of one
// `workshop reset`. N is BENCH_PARALLEL_COUNT (default 10). Needs Docker, .cache/bin and dist/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fmt, time } from './measure.mjs';

const IMAGES = { kind: 'kindest/node:v1.36.1', k3d: 'rancher/k3s:v1.35.5-k3s1' };
const GiB = 2 ** 30;

async function footprint(state, name) {
  try {
    return JSON.parse(await readFile(join(state, 'clusters', name, 'footprint.json'), 'utf8')).memoryBytes;
  } catch {
    return undefined;
  }
}

async function manyAtOnce({ kindling, env }, engine, count) {
  const up = (n) => kindling('up', '--preset', engine, '--name', n, '--image', IMAGES[engine], '--wait', '5m', '--no-merge', '-q');
  const one = `bp-${engine}-one`;
  const single = await time(() => up(one));
  await kindling('down', one, '--yes', '-q');
  const names = Array.from({ length: count }, (_, i) => `bp-${engine}-${String(i + 1).padStart(2, '0')}`);
  let failed = 0;
  const all = await time(() => Promise.all(names.map((n) => up(n).catch(() => failed++))));
  const memory = (await Promise.all(names.map((n) => footprint(env.KINDLING_STATE, n)))).filter((m) => m !== undefined);
  await Promise.all(names.map((n) => kindling('down', n, '--yes', '-q').catch(() => undefined)));
  const mean = memory.reduce((a, b) => a + b, 0) / Math.max(1, memory.length);
  console.log(
    `${engine}: one cluster ${fmt(single)}; ${count} at once ${fmt(all)}; ratio ${(all / single).toFixed(2)} (goal <= 2.5)${failed ? `; ${failed} failed` : ''}`,
  );
  console.log(
    `${engine}: memory per cluster (Docker stats of its node containers, ${memory.length} measured): mean ${(mean / GiB).toFixed(2)} GiB`,
  );
}

async function workshop({ kindling, home }, count) {
  const out = join(home, 'ws-out');
  let report;
  const up = await time(async () => {
    report = JSON.parse(
      (
        await kindling(
          'workshop',
          'up',
          '--count',
          String(count),
          '--preset',
          'k3d',
          '--image',
          IMAGES.k3d,
          '--prefix',
          'bw',
          '--out',
          out,
          '--force',
          '-q',
          '-o',
          'json',
        )
      ).stdout,
    );
  });
  const reset = await time(() => kindling('workshop', 'reset', '01', '-q'));
  const down = await time(() => kindling('workshop', 'down', '--yes', '-q'));
  console.log(
    `workshop (k3d): up of ${count} attendees ${fmt(up)} (${report.parallel} at a time); reset of one ${fmt(reset)}; down of all ${fmt(down)}`,
  );
}

/** Runs the group. */
export async function benchParallel(ctx) {
  const count = Number(process.env.BENCH_PARALLEL_COUNT ?? 10);
  for (const engine of ['kind', 'k3d']) await manyAtOnce(ctx, engine, count);
  await workshop(ctx, count);
}
