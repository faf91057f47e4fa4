import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../../src/cli/io.js';
import { commonOptions, stderrLogger } from '../../../src/cli/global-options.js';

function io(changes: Partial<CliIO> = {}): CliIO & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => {},
    stderr: (t) => void err.push(t),
    env: { HOME: '/home/me' },
    cwd: '/work',
    stdinIsTTY: false,
    stderrIsTTY: false,
    confirm: async () => false,
    signal: undefined,
    ...changes,
  };
}

describe('stderrLogger', () => {
  it('by default: info and warnings, no debug', () => {
    const i = io();
    const log = stderrLogger(i, {});
    log.debug('d');
    log.info('i');
    log.warn('w');
    expect(i.err).toEqual(['i\n', 'warning: w\n']);
  });

  it('--verbose adds debug; --quiet silences info and warnings', () => {
    const v = io();
    stderrLogger(v, { verbose: true }).debug('d');
    expect(v.err).toEqual(['debug: d\n']);
    const q = io();
    const quiet = stderrLogger(q, { quiet: true });
    quiet.info('i');
    quiet.warn('w');
    expect(q.err).toEqual([]);
  });
});

describe('commonOptions', () => {
  it('passes env, cwd and --state through; progress follows the terminal', () => {
    const o = commonOptions(io(), { state: '/s' });
    expect(o).toMatchObject({ state: '/s', env: { HOME: '/home/me' }, cwd: '/work', progress: 'plain' });
    expect(commonOptions(io({ stderrIsTTY: true }), {}).progress).toBe('tty');
    expect(commonOptions(io({ stderrIsTTY: true }), { quiet: true }).progress).toBe('silent');
  });

  it('leaves state and signal unset when not given, passes the signal when given', () => {
    const o = commonOptions(io(), {});
    expect('state' in o).toBe(false);
    expect('signal' in o).toBe(false);
    const signal = new AbortController().signal;
    expect(commonOptions(io({ signal }), {}).signal).toBe(signal);
  });
});

describe('--kubeconfig', () => {
  it('sets KUBECONFIG for the command (resolved against the working folder), as kubectl --kubeconfig', () => {
    expect(commonOptions(io(), { kubeconfig: 'kc/config' }).env).toEqual({ HOME: '/home/me', KUBECONFIG: '/work/kc/config' });
    expect(commonOptions(io(), {}).env).toEqual({ HOME: '/home/me' });
  });
});
