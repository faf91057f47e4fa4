// The built CLI, as a shell pipeline runs it: a reader that goes away (`kindling presets list | head -0`) must not
// crash the command with an unhandled EPIPE; it finishes and exits with its own code.
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../../bin/kindling.js');

describe('a closed stdout pipe', () => {
  it('the command still exits 0, without an EPIPE error', async () => {
    const child = execa('node', [bin, 'presets', 'list'], { reject: false, env: { HOME: '/nonexistent-home-for-test' } });
    child.stdout.destroy();
    const r = await child;
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.exitCode).toBe(0);
  });
});
