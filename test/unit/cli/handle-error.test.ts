import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  EngineFailedError,
  EnvironmentError,
  InterruptedError,
  InvalidInputError,
  NotFoundError,
  PresetInvalidError,
  TimedOutError,
} from '../../../src/errors.js';
import { handleError } from '../../../src/cli/handle-error.js';

function handled(err: unknown, verbose = false): { code: number; out: string } {
  let out = '';
  const code = handleError(err, (t) => void (out += t), verbose);
  return { code, out };
}

describe('handleError', () => {
  it.each([
    ['InvalidInputError', new InvalidInputError('bad flag'), 2],
    ['PresetInvalidError', new PresetInvalidError([{ file: 'p.yaml', line: 1, column: 1, path: 'x', message: 'm' }]), 2],
    ['NotFoundError', new NotFoundError('cluster', 'no cluster named "x"'), 3],
    ['ConflictError', new ConflictError('port-in-use', 'taken'), 4],
    ['EnvironmentError', new EnvironmentError('docker-unreachable', 'no docker'), 5],
    ['EngineFailedError', new EngineFailedError('kind', 'create', { exitCode: 1, stderr: 'boom' }), 6],
    ['TimedOutError', new TimedOutError('api-server', 'gave up'), 7],
    ['InterruptedError', new InterruptedError(), 130],
  ])('%s -> exit %d', (_name, err, code) => {
    expect(handled(err).code).toBe(code);
  });

  it('prints the message and the hint', () => {
    expect(handled(new ConflictError('locked', 'cluster "dev" is locked', 'wait for it')).out).toBe(
      'error: cluster "dev" is locked\nhint: wait for it\n',
    );
    expect(handled(new InvalidInputError('bad')).out).toBe('error: bad\n');
  });

  it('with --verbose, the engine command too', () => {
    const err = new EngineFailedError('kind', 'create cluster "dev"', {
      command: 'kind create cluster --name dev',
      exitCode: 1,
      stderr: 'boom',
    });
    expect(handled(err).out).toBe('error: kind failed to create cluster "dev" (exit 1):\nboom\n');
    expect(handled(err, true).out).toBe(
      'error: kind failed to create cluster "dev" (exit 1):\nboom\ncommand: kind create cluster --name dev\n',
    );
  });

  it('an unknown error is a bug: exit 1 and a request to report it', () => {
    const { code, out } = handled(new TypeError('x is undefined'));
    expect(code).toBe(1);
    expect(out).toBe(
      'error: unexpected failure: x is undefined\nthis is a bug in kindling: please report it with the output of the same command run with --verbose\n',
    );
  });

  it('an unknown error with --verbose shows the stack', () => {
    const err = new Error('oops');
    expect(handled(err, true).out).toContain(err.stack!);
  });

  it('something thrown that is not an Error', () => {
    const { code, out } = handled('a string');
    expect(code).toBe(1);
    expect(out).toContain('error: unexpected failure: a string\n');
  });
});
