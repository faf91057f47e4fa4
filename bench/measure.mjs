// Timing helpers shared by the bench groups: one clock, one median, one way to print a duration.
import { performance } from 'node:perf_hooks';

/** Milliseconds `fn` took (awaited). */
export async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** The middle run (the upper one of two for an even count), as every bench figure reports it. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Seconds with two decimals, for cluster-sized durations. */
export const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Whole milliseconds, for CLI- and pipeline-sized durations. */
export const fmtMs = (ms) => `${ms.toFixed(0)} ms`;
