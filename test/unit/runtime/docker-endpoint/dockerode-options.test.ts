import { Agent } from 'node:https';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { dockerodeOptions } from '../../../../src/runtime/docker-endpoint/dockerode-options.js';
import { thrown } from '../../../support/unit/thrown.js';

const read = (path: string) => Buffer.from(`<${path}>`);
const opts = (url: string, tls?: Parameters<typeof dockerodeOptions>[0]['tls'], env = {}) =>
  dockerodeOptions({ url, source: 'DOCKER_HOST', ...(tls ? { tls } : {}) }, env, read);

describe('dockerodeOptions', () => {
  it('unix and npipe sockets', () => {
    expect(opts('unix:///var/run/docker.sock')).toEqual({ socketPath: '/var/run/docker.sock' });
    expect(opts('npipe:////./pipe/docker_engine')).toEqual({ socketPath: '//./pipe/docker_engine' });
  });

  it('tcp over http, port 2375 unless given', () => {
    expect(opts('tcp://10.0.0.1:2377')).toEqual({ host: '10.0.0.1', port: 2377, protocol: 'http' });
    expect(opts('tcp://docker.internal')).toEqual({ host: 'docker.internal', port: 2375, protocol: 'http' });
    expect(opts('tcp://[::1]:2375')).toEqual({ host: '::1', port: 2375, protocol: 'http' });
  });

  it('tcp with TLS: https, port 2376 unless given, the files read', () => {
    expect(opts('tcp://h', { verify: true, ca: '/c/ca.pem', cert: '/c/cert.pem', key: '/c/key.pem', certDir: '/c' })).toEqual({
      host: 'h',
      port: 2376,
      protocol: 'https',
      ca: read('/c/ca.pem'),
      cert: read('/c/cert.pem'),
      key: read('/c/key.pem'),
    });
  });

  it('tcp with TLS and no verification: an agent that accepts any server certificate', () => {
    const o = opts('tcp://h:2376', { verify: false });
    expect(o).toMatchObject({ host: 'h', port: 2376, protocol: 'https' });
    expect(o.agent).toBeInstanceOf(Agent);
    expect((o.agent as Agent).options.rejectUnauthorized).toBe(false);
  });

  it('ssh with user, port 22 unless given, and the ssh-agent from the given env', () => {
    expect(opts('ssh://me@box', undefined, { SSH_AUTH_SOCK: '/tmp/agent.sock' })).toEqual({
      protocol: 'ssh',
      host: 'box',
      port: 22,
      username: 'me',
      sshOptions: { agent: '/tmp/agent.sock' },
    });
    expect(opts('ssh://box:2222')).toEqual({ protocol: 'ssh', host: 'box', port: 2222 });
  });

  it('a URL without a scheme is a typed error', () => {
    expect(thrown(InvalidInputError, () => opts('127.0.0.1:2375')).hint).toContain('tcp://127.0.0.1:2375');
  });
});
