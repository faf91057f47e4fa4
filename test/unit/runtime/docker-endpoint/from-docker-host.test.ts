import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError, InvalidInputError } from '../../../../src/errors.js';
import { fromDockerHost } from '../../../../src/runtime/docker-endpoint/from-docker-host.js';
import { writeAt } from '../../../support/unit/fake-docker-home.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';
import { thrown } from '../../../support/unit/thrown.js';

let home = '';
useTempDir((d) => {
  home = d;
});
const found = (env: Record<string, string>) => fromDockerHost({ env: { HOME: home, ...env }, home }).candidates();

describe('fromDockerHost', () => {
  it('says nothing when DOCKER_HOST is unset or empty', () => {
    expect(found({})).toEqual([]);
    expect(found({ DOCKER_HOST: '' })).toEqual([]);
  });

  it('a unix socket is an explicit choice; a podman socket is podman', () => {
    expect(found({ DOCKER_HOST: 'unix:///var/run/docker.sock' })).toEqual([
      { url: 'unix:///var/run/docker.sock', source: 'DOCKER_HOST', podman: false, explicit: true },
    ]);
    expect(found({ DOCKER_HOST: 'unix:///run/user/1000/podman/podman.sock' })[0]).toMatchObject({ podman: true, explicit: true });
  });

  it('tcp without TLS variables is plain, and ignores DOCKER_TLS_VERIFY on a socket', () => {
    expect(found({ DOCKER_HOST: 'tcp://10.0.0.1:2375' })[0]!.tls).toBeUndefined();
    expect(found({ DOCKER_HOST: 'unix:///x.sock', DOCKER_TLS_VERIFY: '1' })[0]!.tls).toBeUndefined();
  });

  describe('TLS', () => {
    let certs = '';
    beforeEach(() => {
      certs = join(home, 'certs');
      for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeAt(join(certs, f), f);
    });

    it('DOCKER_TLS_VERIFY with DOCKER_CERT_PATH: the three files, verified', () => {
      expect(found({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs })[0]!.tls).toEqual({
        certDir: certs,
        ca: join(certs, 'ca.pem'),
        cert: join(certs, 'cert.pem'),
        key: join(certs, 'key.pem'),
        verify: true,
      });
    });

    it('DOCKER_TLS alone: TLS without verification; files default to the Docker config folder (DOCKER_CONFIG respected)', () => {
      const config = join(home, 'dcfg');
      writeAt(join(config, 'ca.pem'));
      expect(found({ DOCKER_HOST: 'tcp://h', DOCKER_TLS: '1', DOCKER_CONFIG: config })[0]!.tls).toEqual({
        certDir: config,
        ca: join(config, 'ca.pem'),
        verify: false,
      });
      expect(found({ DOCKER_HOST: 'tcp://h', DOCKER_TLS_VERIFY: '1' })[0]!.tls).toEqual({ certDir: join(home, '.docker'), verify: true });
    });

    it('DOCKER_CERT_PATH naming a missing folder -> EnvironmentError (exit 5) naming it', () => {
      const missing = join(home, 'nope');
      const err = thrown(EnvironmentError, () => found({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: missing }));
      expect(err).toMatchObject({ code: 'docker-cert-path-missing', exitCode: 5 });
      expect(err.message).toBe(`DOCKER_CERT_PATH is "${missing}", which is not a folder`);
      expect(err.hint).toContain('ca.pem, cert.pem and key.pem');
      const file = writeAt(join(home, 'a-file'));
      expect(() => found({ DOCKER_HOST: 'tcp://h', DOCKER_CERT_PATH: file })).toThrow(EnvironmentError);
    });
  });

  it('ssh is an explicit choice without TLS', () => {
    expect(found({ DOCKER_HOST: 'ssh://me@build-box', DOCKER_TLS_VERIFY: '1' })).toEqual([
      { url: 'ssh://me@build-box', source: 'DOCKER_HOST', podman: false, explicit: true },
    ]);
  });

  it('no scheme -> InvalidInputError (exit 2) naming DOCKER_HOST and the tcp:// fix, not "Invalid URL"', () => {
    const err = thrown(InvalidInputError, () => found({ DOCKER_HOST: '127.0.0.1:2375' }));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('DOCKER_HOST is "127.0.0.1:2375": a Docker host needs a scheme');
    expect(err.hint).toContain('write it as tcp://127.0.0.1:2375');
    expect(thrown(InvalidInputError, () => found({ DOCKER_HOST: '/var/run/docker.sock' })).hint).toContain('unix:///var/run/docker.sock');
  });

  it('an unknown scheme, an empty socket path or host -> InvalidInputError', () => {
    expect(thrown(InvalidInputError, () => found({ DOCKER_HOST: 'http://h:2375' })).message).toContain('does not speak http://');
    expect(thrown(InvalidInputError, () => found({ DOCKER_HOST: 'unix://' })).message).toContain('socket path is missing');
    expect(thrown(InvalidInputError, () => found({ DOCKER_HOST: 'tcp://:2375' })).message).toContain('host is missing');
  });
});
