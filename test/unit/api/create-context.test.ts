import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/api/create-context.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import { FakeDocker } from '../../support/unit/fake-docker.js';
import { tempDirs } from '../../support/unit/temp-dirs.js';

const tmp = tempDirs();
afterEach(() => tmp.cleanup());

describe('createContext', () => {
  it('the state store follows --state, else the environment', async () => {
    const dir = await tmp.make();
    expect(createContext({ state: dir, env: {} }).store.location).toBe(dir);
    expect(createContext({ env: { KINDLING_STATE: dir } }).store.location).toBe(dir);
    expect(createContext({ env: { HOME: '/home/me' } }).store.location).toBe('/home/me/.local/state/kindling');
  });

  it('the library is silent by default', () => {
    expect(createContext({ env: { HOME: '/h' } }).progress).toBe('silent');
  });

  it('engines: binary from options, else KINDLING_*_BINARY, else the name; env carries the DOCKER_HOST found; one engine per name', async () => {
    const docker = new FakeDocker('tcp://10.0.0.9:2375');
    const script = (file: string) => ({ file, args: ['version'], result: { stdout: 'kind v0.32.0 go linux/amd64\n' } });
    const runner = recordedRunner([script('/opt/kind'), script('/env/kind'), script('kind')]);
    const env = { HOME: '/h', KINDLING_KIND_BINARY: '/env/kind' };

    const fromOptions = await createContext({ env, docker, runner, binaries: { kind: '/opt/kind' } }).engine('kind');
    expect((await fromOptions.version()).binary).toBe('/opt/kind');
    const fromEnv = createContext({ env, docker, runner });
    const engine = await fromEnv.engine('kind');
    expect((await engine.version()).binary).toBe('/env/kind');
    expect(await fromEnv.engine('kind')).toBe(engine);
    expect((await (await createContext({ env: { HOME: '/h' }, docker, runner }).engine('kind')).version()).binary).toBe('kind');

    runner.assertDone();
    expect(runner.calls[1]!.opts.env).toEqual({ ...env, DOCKER_HOST: 'tcp://10.0.0.9:2375' });
  });
});
