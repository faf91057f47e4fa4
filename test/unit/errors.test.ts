import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  EngineFailedError,
  EnvironmentError,
  ExitCode,
  InterruptedError,
  InvalidInputError,
  KindlingError,
  NotFoundError,
  PresetInvalidError,
  TimedOutError,
} from '../../src/errors.js';

describe('exit codes', () => {
  it('are the documented public interface', () => {
    expect(ExitCode).toEqual({
      ok: 0,
      unexpected: 1,
      invalidInput: 2,
      notFound: 3,
      conflict: 4,
      environment: 5,
      engineFailed: 6,
      timedOut: 7,
      interrupted: 130,
    });
  });
});

describe('error classes', () => {
  it('carry their class name, code, exit code and hint, and are KindlingErrors', () => {
    const cases: [KindlingError, string, string, number][] = [
      [new InvalidInputError('m', 'h'), 'InvalidInputError', 'invalid-input', 2],
      [new NotFoundError('cluster', 'm', 'h'), 'NotFoundError', 'cluster-not-found', 3],
      [new NotFoundError('preset', 'm', 'h'), 'NotFoundError', 'preset-not-found', 3],
      [new ConflictError('locked', 'm', 'h'), 'ConflictError', 'locked', 4],
      [new EnvironmentError('docker-unreachable', 'm', 'h'), 'EnvironmentError', 'docker-unreachable', 5],
      [new TimedOutError('api', 'm', 'h'), 'TimedOutError', 'timed-out', 7],
    ];
    for (const [err, name, code, exitCode] of cases) {
      expect(err).toBeInstanceOf(KindlingError);
      expect(err).toBeInstanceOf(Error);
      expect({ name: err.name, code: err.code, exitCode: err.exitCode, message: err.message, hint: err.hint }).toEqual({
        name,
        code,
        exitCode,
        message: 'm',
        hint: 'h',
      });
    }
  });

  it('EngineFailedError quotes the engine: stderr, else stdout, else "(no output)"', () => {
    expect(new EngineFailedError('k3d', 'create cluster "dev"', { exitCode: 1, stderr: '  FATA boom \n', stdout: 'ignored' }).message).toBe(
      'k3d failed to create cluster "dev" (exit 1):\nFATA boom',
    );
    expect(new EngineFailedError('kind', 'x', { exitCode: 2, stderr: ' ', stdout: 'out' }).message).toBe('kind failed to x (exit 2):\nout');
    expect(new EngineFailedError('kind', 'x', {}).message).toBe('kind failed to x (exit ?):\n(no output)');
    const e = new EngineFailedError('kind', 'x', { command: 'kind x', exitCode: 2 }, 'try y');
    expect(e).toMatchObject({ code: 'engine-failed', exitCode: 6, hint: 'try y', details: { command: 'kind x', exitCode: 2 } });
  });

  it('TimedOutError names the stage in its details', () => {
    expect(new TimedOutError('api-server', 'gave up').details).toEqual({ stage: 'api-server' });
  });

  it('InterruptedError exits 130', () => {
    expect(new InterruptedError()).toMatchObject({ code: 'interrupted', exitCode: 130, message: 'interrupted' });
  });

  it('PresetInvalidError lists every issue, one per line, and leaves out an empty path', () => {
    const err = new PresetInvalidError([
      { file: 'p.yaml', line: 3, column: 9, path: 'engine', message: 'bad engine' },
      { file: 'p.yaml', line: 1, column: 1, path: '', message: 'YAML: broken' },
    ]);
    expect(err.message).toBe('invalid preset:\n  p.yaml:3:9 engine: bad engine\n  p.yaml:1:1 YAML: broken');
    expect(err.issues).toHaveLength(2);
    expect(err.exitCode).toBe(2);
  });

  it('EnvironmentError keeps its cause', () => {
    const cause = new Error('ECONNREFUSED');
    expect(new EnvironmentError('docker-unreachable', 'm', undefined, undefined, cause).cause).toBe(cause);
  });
});
