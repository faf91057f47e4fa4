// What "bad input never crashes" means for one CLI run, shared by the property tests of preset files, --set
// values and flags: an allowed exit code, no report of a bug, no stack trace, and a typed error's first line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CliRun } from './cli.js';

/** The Docker socket every run points at: it does not exist, so nothing can be created. */
export const NO_DOCKER = 'unix:///nonexistent/docker.sock';

/** A sandbox for fuzzed CLI runs: its own HOME, a state store that starts absent, and no Docker. */
export function sandbox(prefix = 'kindling-fuzz-'): {
  dir: string;
  state: string;
  env: Record<string, string>;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const state = join(dir, 'state');
  return {
    dir,
    state,
    env: { HOME: dir, KINDLING_STATE: state, DOCKER_HOST: NO_DOCKER },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Exit codes seen by one property, printed at the end like the other property tests. */
export class Tally {
  runs = 0;
  private readonly codes = new Map<number, number>();
  count(code: number): void {
    this.runs++;
    this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
  }
  /** `12 exit 0, 288 exit 2`. */
  toString(): string {
    return [...this.codes]
      .sort(([a], [b]) => a - b)
      .map(([code, n]) => `${n} exit ${code}`)
      .join(', ');
  }
}

/** The error block: the stderr lines from the first `error: ` up to the hint. */
export function errorBlock(stderr: string): string {
  const lines = stderr.split('\n');
  const start = lines.findIndex((l) => l.startsWith('error: '));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('  '));
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

/**
 * Checks one run: an exit code in `allowed`, never the "unexpected failure ... a bug in kindling" report nor a stack
 * trace nor a raw JavaScript error, and on failure a first stderr line `error: ...` (with `afterLogs`, the first
 * line that is not a log line: -v prints `debug:` lines, `up --dry-run` its `preflight:` checks). `what` describes the input.
 */
export function expectTyped(r: CliRun, allowed: readonly number[], what: string, { afterLogs = false } = {}): void {
  const context = `${what.length > 600 ? `${what.slice(0, 600)}... (${what.length} chars)` : what}\n-> exit ${r.code}\n${r.stderr.slice(0, 1500)}`;
  expect(allowed, context).toContain(r.code);
  expect(r.stderr, context).not.toContain('unexpected failure');
  expect(r.stderr, context).not.toContain('a bug in kindling');
  expect(r.stderr, context).not.toContain('    at ');
  expect(r.stderr, context).not.toMatch(/Maximum call stack|\b(?:Type|Range|Reference|Syntax)Error\b|\[object Object\]/);
  const lines = r.stderr.split('\n').filter((l) => !afterLogs || !/^(debug|warning|preflight): |^\s/.test(l));
  if (r.code !== 0) expect(lines[0], context).toMatch(/^error: \S/);
}
