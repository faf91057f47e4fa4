import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentError, InvalidInputError } from '../../../../src/errors.js';
import { contextId } from '../../../../src/runtime/docker-endpoint/context-store.js';
import type { DockerEndpoint, EndpointInputs } from '../../../../src/runtime/docker-endpoint/endpoint.js';
import { connectDocker, endpointCandidates, endpointStrategies } from '../../../../src/runtime/docker-endpoint/find-endpoint.js';
import { FakeDocker } from '../../../support/unit/fake-docker.js';
import { writeAt, writeDockerConfig, writeDockerContext } from '../../../support/unit/fake-docker-home.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';
import { rejection, thrown } from '../../../support/unit/thrown.js';

let home = '';
let root = '';
useTempDir((d) => {
  home = join(d, 'home');
  root = join(d, 'root');
});
const inputs = (env: Record<string, string> = {}, dockerContext?: string): EndpointInputs => ({
  env,
  home,
  systemRoot: root,
  ...(dockerContext ? { dockerContext } : {}),
});
const candidates = (env: Record<string, string> = {}, dockerContext?: string) =>
  endpointCandidates(endpointStrategies(inputs(env, dockerContext)));

/** A `make` that builds fake clients; `down` maps a url to the error its ping fails with. */
function maker(down: Record<string, Error> = {}) {
  const made: string[] = [];
  const make = async (e: DockerEndpoint) => {
    made.push(e.url);
    const client = new FakeDocker(e.url);
    if (down[e.url]) client.pingError = down[e.url];
    return client;
  };
  return { made, make };
}
const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('endpointCandidates: the order Docker uses', () => {
  it('--docker-context over DOCKER_HOST, DOCKER_CONTEXT and currentContext', () => {
    writeDockerContext(join(home, '.docker'), 'colima', 'unix:///colima.sock');
    writeDockerConfig(join(home, '.docker'), { currentContext: 'other' });
    expect(candidates({ DOCKER_HOST: 'tcp://h:2375', DOCKER_CONTEXT: 'other' }, 'colima').map((e) => e.url)).toEqual([
      'unix:///colima.sock',
    ]);
  });

  it('DOCKER_HOST over DOCKER_CONTEXT and currentContext (which are then not even read)', () => {
    writeAt(join(home, '.docker/config.json'), '{ broken');
    expect(candidates({ DOCKER_HOST: 'tcp://h:2375', DOCKER_CONTEXT: 'missing' })).toEqual([
      { url: 'tcp://h:2375', source: 'DOCKER_HOST', podman: false, explicit: true },
    ]);
  });

  it('a context is the only candidate: no silent fallback to a socket', () => {
    writeAt(join(home, '.docker/run/docker.sock'));
    writeDockerContext(join(home, '.docker'), 'colima', 'unix:///colima.sock');
    expect(candidates({ DOCKER_CONTEXT: 'colima' }).map((e) => e.url)).toEqual(['unix:///colima.sock']);
  });

  it('the "default" context (currentContext, DOCKER_CONTEXT or the flag) goes on with the socket search', () => {
    writeAt(join(home, '.docker/run/docker.sock'));
    writeDockerConfig(join(home, '.docker'), { currentContext: 'default' });
    const sockets = [`unix://${home}/.docker/run/docker.sock`, `unix://${root}/var/run/docker.sock`];
    expect(candidates().map((e) => e.url)).toEqual(sockets);
    expect(candidates({ DOCKER_CONTEXT: 'default' }).map((e) => e.url)).toEqual(sockets);
    expect(candidates({}, 'default').map((e) => e.url)).toEqual(sockets);
    expect(candidates({ DOCKER_HOST: 'tcp://h:2375' }, 'default').map((e) => e.url)).toEqual(['tcp://h:2375']);
  });

  it('a bad explicit choice is a typed error, not a fallback', () => {
    expect(thrown(InvalidInputError, () => candidates({ DOCKER_HOST: '127.0.0.1:2375' })).message).toContain('DOCKER_HOST');
    expect(thrown(InvalidInputError, () => candidates({}, 'nope')).message).toContain('contexts found: default');
  });
});

describe('connectDocker', () => {
  it('the first socket that answers wins, and --verbose says which', async () => {
    writeAt(join(home, '.colima/default/docker.sock'));
    writeAt(join(home, '.orbstack/run/docker.sock'));
    const colima = `unix://${home}/.colima/default/docker.sock`;
    const { made, make } = maker({ [colima]: errno('ENOENT', `connect ENOENT ${colima}`) });
    const logs: string[] = [];
    const client = await connectDocker(endpointStrategies(inputs()), make, (m) => logs.push(m));
    expect(client.endpoint).toBe(`unix://${home}/.orbstack/run/docker.sock`);
    expect(made).toEqual([colima, client.endpoint]);
    expect(logs).toEqual([
      `docker: no answer from ${colima} (colima socket): connect ENOENT ${colima}`,
      `docker: using ${client.endpoint} (OrbStack socket)`,
    ]);
  });

  it('says which context it used', async () => {
    writeDockerContext(join(home, '.docker'), 'podman', 'unix:///run/user/1000/podman/podman.sock');
    const logs: string[] = [];
    await connectDocker(endpointStrategies(inputs({ DOCKER_CONTEXT: 'podman' })), maker().make, (m) => logs.push(m));
    expect(logs).toEqual([
      `docker: using unix:///run/user/1000/podman/podman.sock (DOCKER_CONTEXT=podman (~/.docker/contexts/meta/${contextId('podman')}/meta.json)) [podman]`,
    ]);
  });

  it('DOCKER_HOST not answering -> docker-unreachable (exit 5), nothing else tried', async () => {
    writeAt(join(home, '.docker/run/docker.sock'));
    const { made, make } = maker({ 'tcp://10.0.0.1:2375': new Error('connect ECONNREFUSED 10.0.0.1:2375\nmore') });
    const err = await rejection(connectDocker(endpointStrategies(inputs({ DOCKER_HOST: 'tcp://10.0.0.1:2375' })), make));
    expect(made).toEqual(['tcp://10.0.0.1:2375']);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err).toMatchObject({
      code: 'docker-unreachable',
      exitCode: 5,
      message: 'Docker is not reachable. Tried:\n  tcp://10.0.0.1:2375 (DOCKER_HOST): connect ECONNREFUSED 10.0.0.1:2375',
      hint: 'start Docker at tcp://10.0.0.1:2375, or fix DOCKER_HOST (unset it to let kindling search the usual sockets)',
    });
  });

  it('nothing answers -> docker-unreachable listing every socket tried, hint "start Docker"', async () => {
    const { make } = maker({ [`unix://${root}/var/run/docker.sock`]: errno('ENOENT', 'connect ENOENT') });
    const err = await rejection(connectDocker(endpointStrategies(inputs()), make));
    expect(err).toMatchObject({
      code: 'docker-unreachable',
      message: `Docker is not reachable. Tried:\n  unix://${root}/var/run/docker.sock (default socket): connect ENOENT`,
    });
    expect((err as EnvironmentError).hint).toMatch(/^start Docker \(Docker Desktop/);
  });

  it('EACCES on the socket -> docker-permission-denied naming the socket and the docker group / rootless fix', async () => {
    const sock = `${root}/var/run/docker.sock`;
    const { make } = maker({ [`unix://${sock}`]: errno('EACCES', `connect EACCES ${sock}`) });
    const err = await rejection(connectDocker(endpointStrategies(inputs()), make));
    expect(err).toMatchObject({ code: 'docker-permission-denied', exitCode: 5 });
    expect(err.message).toMatch(
      new RegExp(`^Docker is not reachable: permission denied on ${sock} \\(your user may not use that socket\\)`),
    );
    const hint = (err as EnvironmentError).hint!;
    expect(hint).toContain('sudo usermod -aG docker $USER');
    expect(hint).toContain('rootless Docker');
    expect(hint).not.toMatch(/^start Docker/);
  });

  it("EACCES on a podman socket hints podman's rootless socket", async () => {
    writeAt(join(root, 'run/podman/podman.sock'));
    const sock = `${root}/run/podman/podman.sock`;
    const { make } = maker({
      [`unix://${sock}`]: errno('EACCES', `connect EACCES ${sock}`),
      [`unix://${root}/var/run/docker.sock`]: errno('ENOENT', 'connect ENOENT'),
    });
    const err = (await rejection(connectDocker(endpointStrategies(inputs()), make))) as EnvironmentError;
    expect(err.code).toBe('docker-permission-denied');
    expect(err.hint).toContain('systemctl --user enable --now podman.socket');
  });
});
