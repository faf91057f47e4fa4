import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../../../src/errors.js';
import { classifyKindFailure } from '../../../../src/engines/kind/errors.js';
import type { ProcessResult } from '../../../../src/runtime/process-runner.js';

const result = (stderr: string, stdout = ''): ProcessResult => ({
  command: 'kind create cluster',
  exitCode: 1,
  stdout,
  stderr,
  notFound: false,
  timedOut: false,
});

describe('classifyKindFailure', () => {
  it('an existing cluster, with command, exit code and stderr as details', () => {
    const stderr = 'ERROR: failed to create cluster: node(s) already exist for a cluster with the name "other"';
    const err = classifyKindFailure(result(stderr), 'create');
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({
      code: 'cluster-exists',
      message: 'a kind cluster named "other" already exists',
      details: { command: 'kind create cluster', exitCode: 1, stderr },
    });
  });

  it.each([
    ['listen tcp 0.0.0.0:80: bind: address already in use', '0.0.0.0:80'],
    ['listen tcp4 127.0.0.1:8080: bind: address already in use', '127.0.0.1:8080'],
    ['listen udp4 127.0.0.1:5353: bind: address already in use', '127.0.0.1:5353'],
    ['Bind for 127.0.0.1:9090 failed: port is already allocated', '127.0.0.1:9090'],
  ])('a taken port: %s', (line, where) => {
    const err = classifyKindFailure(result(`ERROR: failed to create cluster: ${line}`), 'create');
    expect(err).toMatchObject({ code: 'port-in-use' });
    expect(err!.message.startsWith(`host port ${where} is already in use`)).toBe(true);
  });

  it("the port-in-use message quotes kind's error line, not its progress lines (kind logs progress to stderr too)", () => {
    const stderr = [
      'Creating cluster "dev" ...',
      ' ✗ Preparing nodes 📦',
      'ERROR: failed to create cluster: command "docker run ..." failed with error: exit status 125',
      'Command Output: docker: Error response from daemon: ... listen tcp4 127.0.0.1:8080: bind: address already in use.',
    ].join('\n');
    const err = classifyKindFailure(result(stderr), 'create');
    expect(err).toMatchObject({ code: 'port-in-use' });
    expect(err!.message).not.toContain('Creating cluster');
  });

  it('also reads stdout', () => {
    expect(classifyKindFailure(result('', 'node(s) already exist for a cluster with the name "dev"'), 'create')).toMatchObject({
      code: 'cluster-exists',
    });
  });

  it('anything else is left to the generic error', () => {
    expect(classifyKindFailure(result('ERROR: failed to create cluster: kubeadm init failed'), 'create')).toBeUndefined();
  });
});
