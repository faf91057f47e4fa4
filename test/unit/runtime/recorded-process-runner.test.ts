import { describe, expect, it } from 'vitest';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';

describe('recordedRunner', () => {
  it('answers in order with canned results (exit 0 and empty output by default) and records every call', async () => {
    const r = recordedRunner([
      { file: 'kind', args: ['version'], result: { stdout: 'kind v0.32.0' } },
      { file: 'kind', args: ['get', 'clusters'] },
    ]);
    expect(await r.run('kind', ['version'], { env: { A: '1' } })).toEqual({
      command: 'kind version',
      exitCode: 0,
      stdout: 'kind v0.32.0',
      stderr: '',
      notFound: false,
      timedOut: false,
    });
    expect((await r.run('kind', ['get', 'clusters'])).exitCode).toBe(0);
    expect(r.calls.map((c) => c.args.join(' '))).toEqual(['version', 'get clusters']);
    expect(r.calls[0]!.opts.env).toEqual({ A: '1' });
    r.assertDone();
  });

  it('fails loudly on a call it was not told about, or on different argv', async () => {
    await expect(recordedRunner([]).run('kind', ['version'])).rejects.toThrow('recorded runner: unexpected call kind version');
    await expect(recordedRunner([{ file: 'kind', args: ['version'] }]).run('kind', ['--version'])).rejects.toThrow(
      'recorded runner: expected kind version\n  got kind --version',
    );
  });

  it('checks stdin when told to, by value or by predicate', async () => {
    await expect(recordedRunner([{ file: 'kind', args: ['x'], input: 'a' }]).run('kind', ['x'], { input: 'b' })).rejects.toThrow(
      'stdin of kind x differs',
    );
    await expect(
      recordedRunner([{ file: 'kind', args: ['x'], input: (s) => s.startsWith('kind:') }]).run('kind', ['x'], { input: 'nope' }),
    ).rejects.toThrow('stdin of kind x rejected');
    expect((await recordedRunner([{ file: 'kind', args: ['x'], input: 'a' }]).run('kind', ['x'], { input: 'a' })).exitCode).toBe(0);
  });

  it('runs onCall with the argv and options', async () => {
    const seen: string[] = [];
    await recordedRunner([{ file: 'k3d', args: ['a'], onCall: (args, opts) => seen.push(`${args[0]}:${opts.timeoutMs}`) }]).run(
      'k3d',
      ['a'],
      { timeoutMs: 7 },
    );
    expect(seen).toEqual(['a:7']);
  });

  it('assertDone names the first call that never came', () => {
    const r = recordedRunner([
      { file: 'kind', args: ['version'] },
      { file: 'kind', args: ['x'] },
    ]);
    expect(() => r.assertDone()).toThrow('recorded runner: 2 expected call(s) never came, first: kind version');
  });
});
