import { describe, expect, it } from 'vitest';
import { commonOptions } from '../../../src/cli/global-options.js';
import type { CliIO } from '../../../src/cli/io.js';
import { main } from '../../../src/cli/main.js';

function io(out: string[] = []): CliIO {
  return {
    stdout: (t) => void out.push(t),
    stderr: () => {},
    env: { HOME: '/home/me' },
    cwd: '/work',
    stdinIsTTY: false,
    stderrIsTTY: false,
    confirm: async () => false,
    signal: undefined,
  };
}

describe('--docker-context', () => {
  it('becomes CommonOptions.dockerContext, and is absent when not given', () => {
    expect(commonOptions(io(), { dockerContext: 'colima' }).dockerContext).toBe('colima');
    expect('dockerContext' in commonOptions(io(), {})).toBe(false);
  });

  it('is a global flag listed in --help', async () => {
    const out: string[] = [];
    expect(await main(['node', 'kindling', '--help'], io(out))).toBe(0);
    expect(out.join('')).toContain('--docker-context <name>');
  });
});
