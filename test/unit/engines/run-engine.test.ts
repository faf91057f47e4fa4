import { describe, expect, it } from 'vitest';
import { rejection } from '../../support/unit/thrown.js';
import { ConflictError, EngineFailedError, EnvironmentError } from '../../../src/errors.js';
import { INSTALL_HINTS, runEngine, type EngineBinary, type FailureClassifier } from '../../../src/engines/run-engine.js';
import { recordedRunner, type RecordedCall } from '../../../src/runtime/recorded-process-runner.js';

function binary(
  script: RecordedCall[],
  classify: FailureClassifier = () => undefined,
): EngineBinary & { runner: ReturnType<typeof recordedRunner> } {
  return { engine: 'kind', binary: '/opt/bin/kind', runner: recordedRunner(script), env: { HOME: '/home/me' }, classify };
}

describe('runEngine', () => {
  it('returns stdout and passes the environment and run options through', async () => {
    const bin = binary([{ file: '/opt/bin/kind', args: ['get', 'clusters'], input: 'in', result: { stdout: 'dev\n' } }]);
    expect(await runEngine(bin, 'list clusters', ['get', 'clusters'], { input: 'in', timeoutMs: 5 })).toBe('dev\n');
    expect(bin.runner.calls[0]!.opts).toEqual({ env: { HOME: '/home/me' }, input: 'in', timeoutMs: 5 });
    bin.runner.assertDone();
  });

  it('a missing binary -> EnvironmentError engine-missing (exit 5) with the install hint', async () => {
    const bin = binary([{ file: '/opt/bin/kind', args: ['version'], result: { notFound: true, exitCode: -1, stderr: 'spawn ENOENT' } }]);
    const err = await rejection(runEngine(bin, 'report its version', ['version']));
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err).toMatchObject({
      code: 'engine-missing',
      exitCode: 5,
      message: 'kind not found (looked for "/opt/bin/kind")',
      hint: INSTALL_HINTS.kind,
      details: { command: '/opt/bin/kind version' },
    });
    expect(INSTALL_HINTS.kind).toContain('go install sigs.k8s.io/kind@v0.33.0');
    expect(INSTALL_HINTS.k3d).toContain('https://k3d.io/stable/#installation');
  });

  it('a time-out -> EngineFailedError (exit 6) saying it was killed, even with exit code 0', async () => {
    const bin = binary([
      { file: '/opt/bin/kind', args: ['create', 'cluster'], result: { timedOut: true, exitCode: 0, stderr: 'still waiting' } },
    ]);
    const err = await rejection(runEngine(bin, 'create cluster "dev"', ['create', 'cluster']));
    expect(err).toBeInstanceOf(EngineFailedError);
    expect(err).toMatchObject({
      code: 'engine-failed',
      exitCode: 6,
      message: 'kind failed to create cluster "dev" within the time limit (killed) (exit 0):\nstill waiting',
      hint: 'raise --timeout, or look at `docker logs` of the node containers',
    });
  });

  it('a non-zero exit goes to the classifier first', async () => {
    const seen: string[] = [];
    const bin = binary([{ file: '/opt/bin/kind', args: ['x'], result: { exitCode: 1, stderr: 'taken' } }], (result, action) => {
      seen.push(`${action}|${result.stderr}|${result.exitCode}`);
      return new ConflictError('port-in-use', 'taken');
    });
    const err = await rejection(runEngine(bin, 'do x', ['x']));
    expect(err).toBeInstanceOf(ConflictError);
    expect(seen).toEqual(['do x|taken|1']);
  });

  it('unclassified failures -> EngineFailedError carrying command, exit code and stderr', async () => {
    const bin = binary([{ file: '/opt/bin/kind', args: ['x'], result: { exitCode: 2, stderr: 'ERROR: boom\n', stdout: 'out' } }]);
    const err = (await rejection(runEngine(bin, 'do x', ['x']))) as EngineFailedError;
    expect(err.message).toBe('kind failed to do x (exit 2):\nERROR: boom');
    expect(err.details).toEqual({ command: '/opt/bin/kind x', exitCode: 2, stderr: 'ERROR: boom\n', stdout: 'out' });
  });

  it('falls back to stdout, then to "(no output)"', async () => {
    const onlyStdout = binary([{ file: '/opt/bin/kind', args: ['x'], result: { exitCode: 1, stdout: 'said it on stdout' } }]);
    expect((await rejection(runEngine(onlyStdout, 'do x', ['x']))).message).toBe('kind failed to do x (exit 1):\nsaid it on stdout');
    const silent = binary([{ file: '/opt/bin/kind', args: ['x'], result: { exitCode: 1 } }]);
    expect((await rejection(runEngine(silent, 'do x', ['x']))).message).toBe('kind failed to do x (exit 1):\n(no output)');
  });
});
