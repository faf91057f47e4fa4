// The free disk check: Docker's root dir when this host has it, else the state store; below 10 GiB it warns,
// below 2 GiB it fails (blocking).
import { describe, expect, it } from 'vitest';
import { diskCheck } from '../../../../src/doctor/checks/disk.js';
import { doctorFixture, FakeHostFacts } from '../../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

const GiB = 2 ** 30;

describe('disk check', () => {
  it("ok: measured at Docker's root dir", async () => {
    expect(await diskCheck.run(doctorFixture(w))).toEqual({
      status: 'ok',
      detail: "100.0 GiB free of 500.0 GiB at /var/lib/docker (Docker's root dir)",
    });
  });

  it("warns below 10 GiB, measured at the state store when Docker's root dir is not on this host", async () => {
    const host = new FakeHostFacts();
    host.disks = new Map([[w.state, { free: 5 * GiB, total: 50 * GiB }]]);
    const r = await diskCheck.run(doctorFixture(w, { host }));
    expect(r.status).toBe('warn');
    expect(r.detail).toBe(`5.0 GiB free of 50.0 GiB at ${w.state} (the state store): little room for node images and volumes`);
    expect(r.fix).toContain('docker system prune');
  });

  it('fails below 2 GiB, blocking', async () => {
    const host = new FakeHostFacts();
    host.disks = new Map([['/var/lib/docker', { free: 0.5 * GiB, total: 50 * GiB }]]);
    expect((await diskCheck.run(doctorFixture(w, { host }))).status).toBe('fail');
    expect(diskCheck.blocking).toBe(true);
  });

  it('warns when nothing can be measured', async () => {
    const host = new FakeHostFacts();
    host.disks = new Map();
    expect((await diskCheck.run(doctorFixture(w, { host }))).status).toBe('warn');
  });
});
