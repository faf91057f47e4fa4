// recordFootprint: the sum of the running node containers' memory (without file cache), written as the cluster's
// `footprint` record; never throws, writes nothing when there is nothing to measure. recordedFootprints reads them.
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/api/create-context.js';
import { FOOTPRINT_RECORD, recordFootprint, recordedFootprints } from '../../../src/status/footprint.js';
import { k3dNode } from '../../support/unit/fake-docker.js';
import { kindUp, type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

const MiB = 2 ** 20;
const now = () => new Date('2026-03-01T12:00:00.000Z');

describe('recordFootprint', () => {
  it('a kind cluster from the store: its node containers summed, written as the footprint record', async () => {
    await kindUp(w, 'dev');
    w.docker.memory.set('dev-control-plane', 700 * MiB);
    const ctx = createContext(w.options({ now }));
    const expected = { memoryBytes: 700 * MiB, measuredAt: '2026-03-01T12:00:00.000Z', preset: 'kind' };
    expect(await recordFootprint(ctx, 'dev', 'kind')).toEqual(expected);
    expect(await w.store().readRecord('dev', FOOTPRINT_RECORD)).toEqual(expected);
    expect([...(await recordedFootprints(ctx))]).toEqual([['dev', expected]]);
  });

  it("a k3d cluster the store does not know: server and load balancer, not k3d's exited tools container", async () => {
    w.docker.containers.push(
      k3dNode('k', 'k3d-k-server-0', 'server'),
      k3dNode('k', 'k3d-k-serverlb', 'loadbalancer'),
      k3dNode('k', 'k3d-k-tools', 'noRole', { state: 'exited' }),
    );
    w.docker.memory
      .set('k3d-k-server-0', 500 * MiB)
      .set('k3d-k-serverlb', 20 * MiB)
      .set('k3d-k-tools', 999 * MiB);
    const f = await recordFootprint(createContext(w.options({ now })), 'k', 'k3d');
    expect(f).toMatchObject({ memoryBytes: 520 * MiB, preset: 'k3d' });
  });

  it('nothing running: undefined and no record', async () => {
    const ctx = createContext(w.options());
    expect(await recordFootprint(ctx, 'ghost', 'kind')).toBeUndefined();
    expect(await w.store().readRecord('ghost', FOOTPRINT_RECORD)).toBeUndefined();
  });

  it('Docker failing does not throw: undefined, logged at debug level', async () => {
    w.docker.listError = new Error('Docker went away');
    const debug: string[] = [];
    const logger = { debug: (m: string) => debug.push(m), info: () => {}, warn: () => {} };
    expect(await recordFootprint(createContext(w.options({ logger })), 'dev', 'kind')).toBeUndefined();
    expect(debug).toEqual(['footprint of dev not recorded: Docker went away']);
  });
});
