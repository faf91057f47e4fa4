// `kindling workshop ...` without Docker: a bad workshop file is exit 2 with its line, a workshop that does not
// fit is exit 5 before anything is made (the free memory injected through the library), status of none is exit 3.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workshopUp } from '../../../../src/api/workshop.js';
import { GiB } from '../../../../src/doctor/bytes.js';
import { EnvironmentError, InvalidInputError, NotFoundError } from '../../../../src/errors.js';
import { FakeDocker } from '../../../support/unit/fake-docker.js';
import { runCli } from '../../../support/unit/cli.js';
import { tempDirs } from '../../../support/unit/temp-dirs.js';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const facts = (available: number, instances = 512) => ({
  inotify: async () => ({ maxUserWatches: 524288, maxUserInstances: instances }),
  routes: async () => [],
  memory: async () => ({ available, total: available }),
  disk: async () => undefined,
});

describe('workshop on the command line', () => {
  it('a bad file: exit 2, every issue at its line', async () => {
    const dir = await dirs.make();
    await writeFile(join(dir, 'w.yaml'), 'apiVersion: kindling.dev/v1alpha1\nkind: Workshop\nname: ws\ncount: 2\nattendes: [a]\n');
    const r = await runCli(['--state', join(dir, 'state'), 'workshop', 'up', 'w.yaml'], { cwd: dir, env: { HOME: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('w.yaml:5:1 attendes: unknown field');
  });

  it('a missing file: exit 3; no workshop: status exit 3; down without --yes off a terminal: exit 2', async () => {
    const dir = await dirs.make();
    const state = join(dir, 'state');
    expect((await runCli(['--state', state, 'workshop', 'up', 'nope.yaml'], { cwd: dir, env: { HOME: dir } })).code).toBe(3);
    const s = await runCli(['--state', state, 'workshop', 'status'], { cwd: dir, env: { HOME: dir } });
    expect(s.code).toBe(3);
    expect(s.stderr).toContain('no workshop in the state store');
    expect((await runCli(['--state', state, 'workshop', 'down'], { cwd: dir, env: { HOME: dir } })).code).toBe(2);
  });
});

describe('workshopUp capacity check', () => {
  it('refuses before anything is made, naming how many fit', async () => {
    const dir = await dirs.make();
    const err = await workshopUp({
      state: join(dir, 'state'),
      env: { HOME: dir },
      cwd: dir,
      count: 10,
      preset: 'kind',
      hostFacts: facts(3.2 * GiB),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect((err as Error).message).toBe('workshop "ws" does not fit: 10 clusters need about 10.0 GiB, 3.2 GiB free: at most 3 fit');
    expect((err as EnvironmentError).exitCode).toBe(5);
  });
});

describe('workshopUp images to preload', () => {
  const base = async () => {
    const dir = await dirs.make();
    const docker = new FakeDocker();
    return {
      dir,
      docker,
      opts: { state: join(dir, 'state'), env: { HOME: dir }, cwd: dir, count: 2, preset: 'kind', docker, hostFacts: facts(20 * GiB) },
    };
  };

  it('refuses, before anything is made, an image the local registry could not serve faithfully or one Docker lacks', async () => {
    const pinned = await base();
    const digest = await workshopUp({ ...pinned.opts, images: ['ghcr.io/acme/api@sha256:abc'] }).catch((e: unknown) => e);
    expect(digest).toBeInstanceOf(InvalidInputError);
    expect((digest as Error).message).toContain('pinned by digest');

    const absent = await base();
    const missing = await workshopUp({ ...absent.opts, images: ['myapp:dev'] }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe('image(s) to preload not in Docker: myapp:dev');
    for (const w of [pinned, absent]) expect(w.docker.calls.filter((c) => !c.startsWith('exec'))).toEqual([]);
  });
});
