// The inotify check: kind's recommended limits are ok; below them it warns (never fails) with the sysctl fix.
import { describe, expect, it } from 'vitest';
import { inotifyCheck } from '../../../../src/doctor/checks/inotify.js';
import { doctorFixture, FakeHostFacts } from '../../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

describe('inotify check', () => {
  it('ok at the recommended 524288 watches and 512 instances', async () => {
    expect(await inotifyCheck.run(doctorFixture(w))).toEqual({ status: 'ok', detail: 'max_user_watches 524288, max_user_instances 512' });
  });

  it('warns below them, naming which, with the sysctl commands', async () => {
    const host = new FakeHostFacts();
    host.limits = { maxUserWatches: 8192, maxUserInstances: 128 };
    const r = await inotifyCheck.run(doctorFixture(w, { host }));
    expect(r.status).toBe('warn');
    expect(r.detail).toBe(
      'max_user_watches 8192, max_user_instances 128 (watches < 524288, instances < 512: pods may fail with "too many open files")',
    );
    expect(r.fix).toContain('sudo sysctl -w fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=512');
    expect(r.fix).toContain('/etc/sysctl.d/99-kindling.conf');
    expect(inotifyCheck.blocking).toBe(false);
  });

  it('ok but not checked where there is no /proc', async () => {
    const host = new FakeHostFacts();
    host.limits = undefined;
    expect((await inotifyCheck.run(doctorFixture(w, { host }))).detail).toMatch(/^not checked/);
  });
});
