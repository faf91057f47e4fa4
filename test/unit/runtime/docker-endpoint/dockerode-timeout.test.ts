import { describe, expect, it } from 'vitest';
import { dockerodeOptions, withTimeout } from '../../../../src/runtime/docker-endpoint/dockerode-options.js';

const opts = (url: string, env = {}) => dockerodeOptions({ url, source: 'DOCKER_HOST' }, env);

describe('withTimeout', () => {
  it('sockets and tcp: a request timeout', () => {
    expect(withTimeout(opts('unix:///var/run/docker.sock'), 10_000)).toEqual({ socketPath: '/var/run/docker.sock', timeout: 10_000 });
    expect(withTimeout(opts('tcp://h:2375'), 5_000)).toEqual({ host: 'h', port: 2375, protocol: 'http', timeout: 5_000 });
  });

  it('ssh: no request timeout (ssh2 channels have no setTimeout, so every request would throw) but a handshake timeout', () => {
    const o = withTimeout(opts('ssh://root@127.0.0.1:2222', { SSH_AUTH_SOCK: '/tmp/agent.sock' }), 10_000);
    expect(o).toEqual({
      protocol: 'ssh',
      host: '127.0.0.1',
      port: 2222,
      username: 'root',
      sshOptions: { agent: '/tmp/agent.sock', readyTimeout: 10_000 },
    });
    expect(o).not.toHaveProperty('timeout');
    expect(withTimeout(opts('ssh://box'), 1_000)).toEqual({ protocol: 'ssh', host: 'box', port: 22, sshOptions: { readyTimeout: 1_000 } });
  });
});
