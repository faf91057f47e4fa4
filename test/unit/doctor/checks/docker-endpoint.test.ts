// The Docker endpoint check: the endpoint, how it was found and the engine's version when it answers; Docker's
// own "not reachable" error and its hint when it does not (blocking).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerEndpointCheck } from '../../../../src/doctor/checks/docker-endpoint.js';
import { doctorFixture, foundVersions } from '../../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

describe('docker endpoint check', () => {
  it('ok: the endpoint with the engine version, API and platform', async () => {
    expect(await dockerEndpointCheck.run(doctorFixture(w))).toEqual({
      status: 'ok',
      detail: 'unix:///fake/docker.sock: Docker 28.3.2, API 1.51, linux/amd64',
    });
    expect(dockerEndpointCheck.blocking).toBe(true);
  });

  it('fail: DOCKER_HOST at a socket nobody listens on, with the hint of the connection error as the fix', async () => {
    const sock = join(w.dir, 'no-docker.sock');
    const d = doctorFixture(w, { options: { docker: undefined, env: { ...w.env, DOCKER_HOST: `unix://${sock}` } } });
    const r = await dockerEndpointCheck.run(d);
    expect(r.status).toBe('fail');
    expect(r.detail).toContain(`Docker is not reachable. Tried:; unix://${sock} (DOCKER_HOST)`);
    expect(r.fix).toBe(`start Docker at unix://${sock}, or fix DOCKER_HOST (unset it to let kindling search the usual sockets)`);
  });

  it('warn: answered but said no version', async () => {
    const versions = foundVersions();
    versions.docker = { ...versions.docker, version: null, apiVersion: null, platform: null, error: 'socket hang up' };
    const r = await dockerEndpointCheck.run(doctorFixture(w, { versions }));
    expect(r).toMatchObject({ status: 'warn', detail: 'unix:///fake/docker.sock answered but did not say its version: socket hang up' });
    expect(r.fix).toContain('docker version');
  });
});
