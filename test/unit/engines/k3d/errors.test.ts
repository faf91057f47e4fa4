import { describe, expect, it } from 'vitest';
import { classifyK3dFailure, k3dErrorLines } from '../../../../src/engines/k3d/errors.js';
import type { ProcessResult } from '../../../../src/runtime/process-runner.js';

const result = (stderr: string, stdout = ''): ProcessResult => ({
  command: 'k3d cluster create',
  exitCode: 1,
  stdout,
  stderr,
  notFound: false,
  timedOut: false,
});

describe('k3dErrorLines', () => {
  it('keeps ERRO and FATA lines, drops INFO and WARN', () => {
    const text =
      'INFO[0000] Prep: Network\nWARN[0001] something odd\nERRO[0002] Failed to start\nINFO[0003] Deleting\nFATA[0004] Cluster creation FAILED\n';
    expect(k3dErrorLines(text)).toBe('ERRO[0002] Failed to start\nFATA[0004] Cluster creation FAILED');
  });

  it('keeps level=error and level=fatal lines of the logfmt format', () => {
    const text = 'time="t" level=info msg="Prep: Network"\ntime="t" level=error msg="boom"\ntime="t" level=fatal msg="FAILED"\n';
    expect(k3dErrorLines(text)).toBe('time="t" level=error msg="boom"\ntime="t" level=fatal msg="FAILED"');
  });

  it('keeps everything (trimmed) when there is no error line', () => {
    expect(k3dErrorLines('\nsomething went wrong\nsecond line\n')).toBe('something went wrong\nsecond line');
  });
});

describe('classifyK3dFailure', () => {
  it('an existing cluster; details carry only the error lines', () => {
    const stderr = "INFO[0000] Using config\nFATA[0000] Failed to create cluster 'dev' because a cluster with that name already exists\n";
    expect(classifyK3dFailure(result(stderr), 'create')).toMatchObject({
      code: 'cluster-exists',
      exitCode: 4,
      message: 'a k3d cluster named "dev" already exists',
      hint: 'choose another --name, or delete it first',
      details: {
        command: 'k3d cluster create',
        exitCode: 1,
        stderr: "FATA[0000] Failed to create cluster 'dev' because a cluster with that name already exists",
      },
    });
  });

  it.each([
    ['Bind for 0.0.0.0:6550 failed: port is already allocated', '0.0.0.0:6550'],
    ['listen tcp 127.0.0.1:8080: bind: address already in use', '127.0.0.1:8080'],
  ])('a taken port: %s', (line, where) => {
    expect(classifyK3dFailure(result(`ERRO[0002] ${line}`), 'create')).toMatchObject({
      code: 'port-in-use',
      message: `host port ${where} is already in use`,
      hint: 'stop what listens there or choose another --port',
    });
  });

  it('anything else is not classified', () => {
    expect(classifyK3dFailure(result('FATA[0030] Cluster creation FAILED'), 'create')).toBeUndefined();
  });
});
