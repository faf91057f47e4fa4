// The free memory check: available of total; below 2 GiB it warns.
import { describe, expect, it } from 'vitest';
import { memoryCheck } from '../../../../src/doctor/checks/memory.js';
import { doctorFixture, FakeHostFacts } from '../../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

const GiB = 2 ** 30;

describe('memory check', () => {
  it('ok with plenty available', async () => {
    expect(await memoryCheck.run(doctorFixture(w))).toEqual({ status: 'ok', detail: '8.0 GiB available of 16.0 GiB' });
  });

  it('warns below 2 GiB, not blocking', async () => {
    const host = new FakeHostFacts();
    host.mem = { available: 1.5 * GiB, total: 4 * GiB };
    const r = await memoryCheck.run(doctorFixture(w, { host }));
    expect(r).toMatchObject({ status: 'warn', detail: '1.5 GiB available of 4.0 GiB: a new cluster needs about 1 GiB' });
    expect(r.fix).toContain('kindling stop NAME');
    expect(memoryCheck.blocking).toBe(false);
  });
});
