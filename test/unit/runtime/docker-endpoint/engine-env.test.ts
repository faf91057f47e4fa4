import { describe, expect, it } from 'vitest';
import { engineEnv } from '../../../../src/runtime/docker-endpoint/engine-env.js';

const env = { HOME: '/h', PATH: '/bin' };

describe('engineEnv', () => {
  it('a bare endpoint: DOCKER_HOST only, and nothing else is added', () => {
    expect(engineEnv(env, 'kind', { url: 'unix:///var/run/docker.sock' })).toEqual({ ...env, DOCKER_HOST: 'unix:///var/run/docker.sock' });
    expect(engineEnv(env, 'k3d', { url: 'tcp://h:2375' })).toEqual({ ...env, DOCKER_HOST: 'tcp://h:2375' });
  });

  it('drops DOCKER_CONTEXT and stray TLS variables, which would point the engine elsewhere', () => {
    const stray = {
      ...env,
      DOCKER_CONTEXT: 'colima',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_TLS: '1',
      DOCKER_CERT_PATH: '/c',
      KIND_EXPERIMENTAL_PROVIDER: 'nerdctl',
    };
    expect(engineEnv(stray, 'kind', { url: 'unix:///colima.sock' })).toEqual({ ...env, DOCKER_HOST: 'unix:///colima.sock' });
    expect(engineEnv(stray, 'k3d', { url: 'unix:///colima.sock' })).toEqual({
      ...env,
      DOCKER_HOST: 'unix:///colima.sock',
      KIND_EXPERIMENTAL_PROVIDER: 'nerdctl',
    });
  });

  it('TLS: DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH when verified, DOCKER_TLS=1 when not', () => {
    const certDir = '/h/.docker/contexts/tls/abc/docker';
    expect(engineEnv(env, 'k3d', { url: 'tcp://h:2376', tls: { certDir, verify: true } })).toEqual({
      ...env,
      DOCKER_HOST: 'tcp://h:2376',
      DOCKER_TLS_VERIFY: '1',
      DOCKER_CERT_PATH: certDir,
    });
    expect(engineEnv(env, 'kind', { url: 'tcp://h:2376', tls: { verify: false } })).toEqual({
      ...env,
      DOCKER_HOST: 'tcp://h:2376',
      DOCKER_TLS: '1',
    });
  });

  it('podman: kind gets KIND_EXPERIMENTAL_PROVIDER=podman, k3d only the DOCKER_HOST', () => {
    const podman = { url: 'unix:///run/user/1000/podman/podman.sock', podman: true };
    expect(engineEnv(env, 'kind', podman)).toEqual({ ...env, DOCKER_HOST: podman.url, KIND_EXPERIMENTAL_PROVIDER: 'podman' });
    expect(engineEnv(env, 'k3d', podman)).toEqual({ ...env, DOCKER_HOST: podman.url });
  });

  it('does not change the env it was given', () => {
    const given = { ...env, DOCKER_CONTEXT: 'x' };
    engineEnv(given, 'kind', { url: 'tcp://h', podman: true });
    expect(given).toEqual({ ...env, DOCKER_CONTEXT: 'x' });
  });
});
