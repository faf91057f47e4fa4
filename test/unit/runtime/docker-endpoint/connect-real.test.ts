import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../../src/api/create-context.js';
import { EnvironmentError, InvalidInputError } from '../../../../src/errors.js';
import { connectRealDocker } from '../../../../src/runtime/docker-endpoint/connect-real.js';
import { recordedRunner } from '../../../../src/runtime/recorded-process-runner.js';
import { writeDockerConfig, writeDockerContext } from '../../../support/unit/fake-docker-home.js';
import { pingSocket } from '../../../support/unit/ping-socket.js';
import { useTempDir } from '../../../support/unit/temp-dirs.js';
import { rejection } from '../../../support/unit/thrown.js';

let home = '';
const closers: (() => Promise<void>)[] = [];
useTempDir((d) => {
  home = d;
});
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});
/** A socket under the fake home that answers pings, stored as context `name`. */
async function answeringContext(name: string, file = 'engine.sock'): Promise<string> {
  const sock = join(home, file);
  closers.push(await pingSocket(sock));
  writeDockerContext(join(home, '.docker'), name, `unix://${sock}`);
  return `unix://${sock}`;
}

describe('connectRealDocker (dockerode over a socket that answers pings)', () => {
  it('follows currentContext and carries the endpoint it found', async () => {
    const url = await answeringContext('colima');
    writeDockerConfig(join(home, '.docker'), { currentContext: 'colima' });
    const logs: string[] = [];
    const client = await connectRealDocker({ HOME: home }, { log: (m) => logs.push(m) });
    expect(client.endpoint).toBe(url);
    expect(client.endpointInfo).toMatchObject({ url, podman: false, explicit: true });
    expect(logs.at(-1)).toMatch(new RegExp(`^docker: using ${url} \\(currentContext colima in ~/.docker/config.json`));
  });

  it('--docker-context wins; a missing context is a typed error; a dead explicit socket is not replaced', async () => {
    await answeringContext('good');
    writeDockerContext(join(home, '.docker'), 'dead', `unix://${join(home, 'dead.sock')}`);
    expect((await connectRealDocker({ HOME: home, DOCKER_CONTEXT: 'dead' }, { dockerContext: 'good' })).endpointInfo?.source).toMatch(
      /^--docker-context good/,
    );
    expect(await rejection(connectRealDocker({ HOME: home }, { dockerContext: 'missing' }))).toBeInstanceOf(InvalidInputError);
    const err = await rejection(connectRealDocker({ HOME: home, DOCKER_CONTEXT: 'dead' }, { systemRoot: home }));
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.message).toContain(`unix://${join(home, 'dead.sock')} (DOCKER_CONTEXT=dead`);
  });

  it('createContext hands the engines the endpoint found through --docker-context: podman -> kind gets its provider', async () => {
    const url = await answeringContext('podman-machine', 'podman.sock');
    const runner = recordedRunner([{ file: 'kind', args: ['version'], result: { stdout: 'kind v0.32.0 go linux/amd64\n' } }]);
    const env = { HOME: home, DOCKER_CONTEXT: 'elsewhere' };
    const engine = await createContext({ env, runner, dockerContext: 'podman-machine' }).engine('kind');
    await engine.version();
    runner.assertDone();
    expect(runner.calls[0]!.opts.env).toEqual({ HOME: home, DOCKER_HOST: url, KIND_EXPERIMENTAL_PROVIDER: 'podman' });
  });
});
