// A team's store holds clusters made on other machines: their containers are in another Docker, so here they
// are `remote`, not `missing`, and `down` leaves them alone unless told to only forget them.
import { describe, expect, it } from 'vitest';
import { down } from '../../../src/api/down.js';
import { list, status } from '../../../src/api/list.js';
import { ConflictError } from '../../../src/errors.js';
import { resolveClusterSpec } from '../../../src/plan/resolve-spec.js';
import { builtinPreset } from '../../support/unit/presets.js';
import { rejection } from '../../support/unit/thrown.js';
import { type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

async function madeElsewhere(name: string, host: string): Promise<void> {
  const store = w.store();
  await store.writeSpec(name, { generation: 1, spec: resolveClusterSpec(builtinPreset('k3d'), { name }).spec });
  await store.writeRecord(name, 'origin', { host, docker: 'unix:///var/run/docker.sock', createdAt: '2026-12-06T10:00:00.000Z' });
}

describe('clusters made on another machine', () => {
  it('list and status: remote, naming the machine; down refuses; down --forget drops it from the store only', async () => {
    await madeElsewhere('team-dev', 'laptop-2');
    const [summary] = await list(w.options());
    expect(summary).toMatchObject({ name: 'team-dev', phase: 'remote', origin: { host: 'laptop-2' } });
    expect(summary!.message).toContain('made on laptop-2');
    expect((await status({ ...w.options(), name: 'team-dev' })).phase).toBe('remote');
    const err = await rejection(down({ ...w.options(), names: ['team-dev'] }));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).code).toBe('cluster-remote');
    expect((err as ConflictError).hint).toContain('--forget');
    expect(await w.store().has('team-dev')).toBe(true);
    await down({ ...w.options(), names: ['team-dev'], forget: true });
    expect(await w.store().list()).toEqual([]);
    expect(w.docker.calls.filter((c) => !c.startsWith('list'))).toEqual([]);
  });

  it('a cluster recorded as made here, with no container left, is still missing', async () => {
    const { hostname } = await import('node:os');
    await madeElsewhere('gone', hostname());
    expect((await list(w.options()))[0]!.phase).toBe('missing');
  });
});
