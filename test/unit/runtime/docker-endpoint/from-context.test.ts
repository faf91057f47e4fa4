import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { contextId, listContexts } from '../../../../src/runtime/docker-endpoint/context-store.js';
import type { EndpointInputs } from '../../../../src/runtime/docker-endpoint/endpoint.js';
import { fromContextFlag, fromCurrentContext } from '../../../../src/runtime/docker-endpoint/from-context.js';
import { writeAt, writeDockerConfig, writeDockerContext } from '../../../support/unit/fake-docker-home.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';
import { thrown } from '../../../support/unit/thrown.js';

let home = '';
let docker = '';
useTempDir((d) => {
  home = d;
  docker = join(d, '.docker');
});
const current = (inputs: Partial<EndpointInputs> = {}) => fromCurrentContext({ env: {}, home, ...inputs }).candidates();
const flag = (name: string, env = {}) => fromContextFlag({ env, home, dockerContext: name }).candidates();
const colimaSock = () => `unix://${home}/.colima/default/docker.sock`;

describe('the context store', () => {
  it('names a context folder by the sha256 hex digest of its name, as the docker CLI does', () => {
    expect(contextId('desktop-linux')).toBe('fe9c6bd7a66301f49ca9b6a70b217107cd1284598bfc254700c989b916da791e');
  });

  it('lists the stored contexts after "default"', () => {
    writeDockerContext(docker, 'orbstack', 'unix:///o.sock');
    writeDockerContext(docker, 'colima', 'unix:///c.sock');
    expect(listContexts(docker)).toEqual(['default', 'colima', 'orbstack']);
    expect(listContexts(join(home, 'none'))).toEqual(['default']);
  });
});

describe('fromCurrentContext', () => {
  it('says nothing without config.json, without currentContext, or when it is "default" (the socket search goes on)', () => {
    expect(current()).toEqual([]);
    writeDockerConfig(docker, { auths: {} });
    expect(current()).toEqual([]);
    writeDockerConfig(docker, { currentContext: 'default' });
    expect(current()).toEqual([]);
  });

  it('currentContext in ~/.docker/config.json, resolved through meta.json', () => {
    writeDockerConfig(docker, { currentContext: 'colima' });
    writeDockerContext(docker, 'colima', colimaSock());
    expect(current()).toEqual([
      {
        url: colimaSock(),
        source: `currentContext colima in ~/.docker/config.json (~/.docker/contexts/meta/${contextId('colima')}/meta.json)`,
        podman: false,
        explicit: true,
      },
    ]);
  });

  it('DOCKER_CONFIG moves config.json and the context store', () => {
    const cfg = join(home, 'elsewhere');
    writeDockerConfig(cfg, { currentContext: 'orbstack' });
    writeDockerContext(cfg, 'orbstack', 'unix:///o.sock');
    writeDockerConfig(docker, { currentContext: 'colima' });
    expect(current({ env: { DOCKER_CONFIG: cfg } })[0]).toMatchObject({
      url: 'unix:///o.sock',
      source: expect.stringMatching(/^currentContext orbstack in ~\/elsewhere\/config.json/),
    });
  });

  it('DOCKER_CONTEXT wins over currentContext; DOCKER_CONTEXT=default means the socket search', () => {
    writeDockerConfig(docker, { currentContext: 'colima' });
    writeDockerContext(docker, 'colima', colimaSock());
    writeDockerContext(docker, 'podman-machine', 'unix:///tmp/podman/podman-machine-default-api.sock');
    expect(current({ env: { DOCKER_CONTEXT: 'podman-machine' } })).toEqual([
      {
        url: 'unix:///tmp/podman/podman-machine-default-api.sock',
        source: `DOCKER_CONTEXT=podman-machine (~/.docker/contexts/meta/${contextId('podman-machine')}/meta.json)`,
        podman: true,
        explicit: true,
      },
    ]);
    expect(current({ env: { DOCKER_CONTEXT: 'default' } })).toEqual([]);
  });

  it('steps aside when --docker-context is given (even "default")', () => {
    writeDockerConfig(docker, { currentContext: 'colima' });
    expect(current({ env: { DOCKER_CONTEXT: 'colima' }, dockerContext: 'default' })).toEqual([]);
  });

  it('a tcp context with TLS files carries them; SkipTLSVerify turns verification off', () => {
    const { tlsDir } = writeDockerContext(docker, 'remote', 'tcp://10.0.0.5:2376', { tls: true });
    writeDockerConfig(docker, { currentContext: 'remote' });
    expect(current()[0]!.tls).toEqual({
      certDir: tlsDir,
      ca: join(tlsDir, 'ca.pem'),
      cert: join(tlsDir, 'cert.pem'),
      key: join(tlsDir, 'key.pem'),
      verify: true,
    });
    writeDockerContext(docker, 'insecure', 'tcp://10.0.0.6:2376', { skipTlsVerify: true });
    expect(flag('insecure')[0]!.tls).toEqual({ verify: false });
    writeDockerContext(docker, 'plain', 'tcp://10.0.0.7:2375');
    expect(flag('plain')[0]!.tls).toBeUndefined();
  });

  it('a context that does not exist -> InvalidInputError listing the contexts found', () => {
    writeDockerContext(docker, 'colima', colimaSock());
    writeDockerContext(docker, 'desktop-linux', 'unix:///d.sock');
    writeDockerConfig(docker, { currentContext: 'gone' });
    const err = thrown(InvalidInputError, () => current());
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(
      'Docker context "gone" (currentContext gone in ~/.docker/config.json) does not exist; contexts found: default, colima, desktop-linux',
    );
    expect(err.hint).toContain('docker context ls');
  });

  it('malformed config.json, meta.json or context host -> InvalidInputError naming the file', () => {
    writeAt(join(docker, 'config.json'), '{ nope');
    expect(thrown(InvalidInputError, () => current()).message).toMatch(/^~\/\.docker\/config\.json is not valid JSON/);
    writeAt(join(docker, 'contexts', 'meta', contextId('broken'), 'meta.json'), '{');
    expect(thrown(InvalidInputError, () => flag('broken')).message).toContain('is not valid JSON');
    writeDockerContext(docker, 'noscheme', '10.0.0.1:2375');
    expect(thrown(InvalidInputError, () => flag('noscheme')).hint).toContain('tcp://10.0.0.1:2375');
  });
});

describe('fromContextFlag', () => {
  it('says nothing without the flag or with "default"', () => {
    expect(fromContextFlag({ env: {}, home }).candidates()).toEqual([]);
    expect(flag('default')).toEqual([]);
  });

  it('--docker-context names the context, over DOCKER_CONTEXT and currentContext', () => {
    writeDockerContext(docker, 'colima', colimaSock());
    writeDockerConfig(docker, { currentContext: 'orbstack' });
    expect(flag('colima', { DOCKER_CONTEXT: 'orbstack' })).toEqual([
      {
        url: colimaSock(),
        source: `--docker-context colima (~/.docker/contexts/meta/${contextId('colima')}/meta.json)`,
        podman: false,
        explicit: true,
      },
    ]);
    expect(thrown(InvalidInputError, () => flag('nope')).message).toContain('Docker context "nope" (--docker-context nope) does not exist');
  });
});
