import { describe, expect, it } from 'vitest';
import { rejection } from '../../support/unit/thrown.js';
import { EnvironmentError } from '../../../src/errors.js';
import { connectDocker, dockerEndpoints, dockerodeOptions, type DockerEndpoint } from '../../../src/runtime/docker-connect.js';
import { FakeDocker } from '../../support/unit/fake-docker.js';

describe('dockerEndpoints', () => {
  it('only the default socket when the environment says nothing', () => {
    expect(dockerEndpoints({})).toEqual([{ url: 'unix:///var/run/docker.sock', source: 'default socket' }]);
  });

  it('DOCKER_HOST first, then the default, Docker Desktop and rootless sockets', () => {
    expect(dockerEndpoints({ DOCKER_HOST: 'tcp://10.0.0.1:2375', HOME: '/home/me', XDG_RUNTIME_DIR: '/run/user/1000' })).toEqual([
      { url: 'tcp://10.0.0.1:2375', source: 'DOCKER_HOST' },
      { url: 'unix:///var/run/docker.sock', source: 'default socket' },
      { url: 'unix:///home/me/.docker/run/docker.sock', source: 'Docker Desktop socket' },
      { url: 'unix:///run/user/1000/docker.sock', source: 'rootless socket' },
    ]);
  });

  it('a socket named twice is tried once, under its first source', () => {
    expect(dockerEndpoints({ DOCKER_HOST: 'unix:///var/run/docker.sock' })).toEqual([
      { url: 'unix:///var/run/docker.sock', source: 'DOCKER_HOST' },
    ]);
  });
});

describe('dockerodeOptions', () => {
  it('unix sockets', () => {
    expect(dockerodeOptions('unix:///var/run/docker.sock')).toEqual({ socketPath: '/var/run/docker.sock' });
  });

  it('tcp with and without a port', () => {
    expect(dockerodeOptions('tcp://10.0.0.1:2376')).toEqual({ host: '10.0.0.1', port: 2376, protocol: 'http' });
    expect(dockerodeOptions('tcp://docker.internal')).toEqual({ host: 'docker.internal', port: 2375, protocol: 'http' });
  });
});

/** A `make` that builds fake clients, some of which refuse to answer. */
function maker(down: Record<string, string>) {
  const made: string[] = [];
  const make = async (e: DockerEndpoint) => {
    made.push(e.url);
    const client = new FakeDocker(e.url);
    if (down[e.url]) client.pingError = new Error(down[e.url]);
    return client;
  };
  return { made, make };
}

describe('connectDocker', () => {
  const env = { HOME: '/home/me', XDG_RUNTIME_DIR: '/run/user/1000' };

  it('the first endpoint that answers wins, and says so at debug level', async () => {
    const { made, make } = maker({ 'unix:///var/run/docker.sock': 'connect ENOENT /var/run/docker.sock' });
    const logs: string[] = [];
    const client = await connectDocker(env, make, (m) => logs.push(m));
    expect(client.endpoint).toBe('unix:///home/me/.docker/run/docker.sock');
    expect(made).toEqual(['unix:///var/run/docker.sock', 'unix:///home/me/.docker/run/docker.sock']);
    expect(logs).toEqual(['docker: using unix:///home/me/.docker/run/docker.sock (Docker Desktop socket)']);
  });

  it('DOCKER_HOST failing does not fall back to the sockets', async () => {
    const { made, make } = maker({ 'tcp://10.0.0.1:2375': 'connect ECONNREFUSED 10.0.0.1:2375\nmore detail' });
    const err = await rejection(connectDocker({ ...env, DOCKER_HOST: 'tcp://10.0.0.1:2375' }, make));
    expect(made).toEqual(['tcp://10.0.0.1:2375']);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toBe('Docker is not reachable. Tried:\n  tcp://10.0.0.1:2375 (DOCKER_HOST): connect ECONNREFUSED 10.0.0.1:2375');
  });

  it('nothing answers -> EnvironmentError docker-unreachable (exit 5) listing everything tried', async () => {
    const { make } = maker({
      'unix:///var/run/docker.sock': 'connect ENOENT /var/run/docker.sock',
      'unix:///home/me/.docker/run/docker.sock': 'connect ENOENT desktop',
      'unix:///run/user/1000/docker.sock': 'connect EACCES rootless',
    });
    const err = await rejection(connectDocker(env, make));
    expect(err).toMatchObject({
      code: 'docker-unreachable',
      exitCode: 5,
      message: [
        'Docker is not reachable. Tried:',
        '  unix:///var/run/docker.sock (default socket): connect ENOENT /var/run/docker.sock',
        '  unix:///home/me/.docker/run/docker.sock (Docker Desktop socket): connect ENOENT desktop',
        '  unix:///run/user/1000/docker.sock (rootless socket): connect EACCES rootless',
      ].join('\n'),
      hint: 'start Docker (Docker Desktop, `sudo systemctl start docker`, or `dockerd`), or point DOCKER_HOST at a running engine',
    });
  });
});
