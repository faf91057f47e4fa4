import { describe, expect, it } from 'vitest';
import { load } from '../../../src/api/load.js';
import { NotFoundError } from '../../../src/errors.js';
import { planUp } from '../../../src/plan/plan.js';
import { recordedRunner } from '../../../src/runtime/recorded-process-runner.js';
import type { RecordedCall } from '../../../src/runtime/recorded-process-runner.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { rejection } from '../../support/unit/thrown.js';
import { type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

/** A stored kind cluster `name`, its registry serving the preloaded images' hosts when `preload` is given. */
async function stored(name: string, overrides: { preload?: string[]; registry?: boolean } = {}): Promise<void> {
  const { spec } = planUp(builtinPreset('kind'), { name, ...overrides });
  await w.store().writeSpec(name, { generation: 1, spec });
}

const kindLoad = (name: string, images: string[]): RecordedCall => ({
  file: 'kind',
  args: ['load', 'docker-image', '--name', name, ...images],
  result: {},
});

describe('load', () => {
  it("images of a host the registry mirrors: pushed under their own path, pods keep the name; the rest through kind's loader", async () => {
    await stored('dev', { preload: ['myapp:dev'] });
    w.docker.images.add('myapp:dev').add('other.example.com/tool:1');
    const runner = recordedRunner([kindLoad('dev', ['other.example.com/tool:1'])]);
    const r = await load({ ...w.options({ runner }), name: 'dev', images: ['other.example.com/tool:1', 'myapp:dev'] });
    expect(r).toEqual({
      name: 'dev',
      via: 'engine',
      images: [
        { image: 'other.example.com/tool:1', ref: 'other.example.com/tool:1', via: 'engine' },
        { image: 'myapp:dev', ref: 'myapp:dev', via: 'mirror' },
      ],
    });
    expect(w.docker.calls.filter((c) => /^(tag|push) /.test(c))).toEqual([
      'tag myapp:dev localhost:5001/library/myapp:dev',
      'push localhost:5001/library/myapp:dev',
    ]);
  });

  it('one push per image and Docker engine for all the clusters sharing a pushes map (a workshop)', async () => {
    for (const n of ['ws-01', 'ws-02', 'ws-03']) await stored(n, { preload: ['myapp:dev', 'ghcr.io/acme/api:2'] });
    w.docker.images.add('myapp:dev').add('ghcr.io/acme/api:2');
    const pushes = new Map<string, Promise<void>>();
    const results = await Promise.all(
      ['ws-01', 'ws-02', 'ws-03'].map((name) => load({ ...w.options(), name, images: ['myapp:dev', 'ghcr.io/acme/api:2'], pushes })),
    );
    expect(results.map((r) => r.via)).toEqual(['mirror', 'mirror', 'mirror']);
    expect(w.docker.calls.filter((c) => c.startsWith('push '))).toEqual([
      'push localhost:5001/library/myapp:dev',
      'push localhost:5001/acme/api:2',
    ]);
  });

  it('containerd image store, no mirror: pushed under the registry name as before; no registry: refused with the fix', async () => {
    w.docker.containerdStore = true;
    await stored('reg', { registry: true });
    w.docker.images.add('myapp:dev');
    const r = await load({ ...w.options(), name: 'reg', images: ['myapp:dev'] });
    expect(r.images).toEqual([{ image: 'myapp:dev', ref: 'localhost:5001/myapp:dev', via: 'registry' }]);
    await stored('bare');
    const err = await rejection(load({ ...w.options(), name: 'bare', images: ['myapp:dev'] }));
    expect((err as Error).message).toContain('has no registry');
  });

  it('an image missing from Docker: NotFoundError, nothing pushed', async () => {
    await stored('dev', { preload: ['myapp:dev'] });
    const err = await rejection(load({ ...w.options(), name: 'dev', images: ['myapp:dev'] }));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(w.docker.calls.filter((c) => c.startsWith('push '))).toEqual([]);
  });
});
