// The engine binary checks: a tested release is ok, an untested one warns, a missing one fails (blocking) with the
// engine error's install hint as the fix.
import { describe, expect, it } from 'vitest';
import { engineBinaryCheck } from '../../../../src/doctor/checks/engine-binary.js';
import { doctorFixture, foundVersions } from '../../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

describe('engine binary checks', () => {
  it('ok: a tested release, with where it is', async () => {
    expect(await engineBinaryCheck('kind').run(doctorFixture(w))).toEqual({
      status: 'ok',
      detail: 'v0.33.0 at /usr/local/bin/kind (tested)',
    });
    expect(engineBinaryCheck('k3d')).toMatchObject({ id: 'k3d', title: 'k3d binary', blocking: true });
  });

  it('warn: an untested release, naming the tested ones', async () => {
    const versions = foundVersions();
    versions.engines.k3d = { ...versions.engines.k3d, version: 'v5.8.3', isTested: false };
    expect(await engineBinaryCheck('k3d').run(doctorFixture(w, { versions }))).toEqual({
      status: 'warn',
      detail: 'v5.8.3 at /usr/local/bin/k3d: not a tested release (tested: v5.9.0)',
      fix: 'install k3d v5.9.0',
    });
  });

  it('fail: not found, with the install hint', async () => {
    const versions = foundVersions();
    versions.engines.kind = {
      ...versions.engines.kind,
      path: null,
      version: null,
      isTested: null,
      error: 'kind not found (looked for "kind")',
      hint: 'install kind v0.33.0 or v0.32.0',
    };
    expect(await engineBinaryCheck('kind').run(doctorFixture(w, { versions }))).toEqual({
      status: 'fail',
      detail: 'kind not found (looked for "kind")',
      fix: 'install kind v0.33.0 or v0.32.0',
    });
  });
});
