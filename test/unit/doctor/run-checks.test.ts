// The runner: every check runs, at once; a crashing check becomes that check's failure with its message and the
// others still report; a check that could not look without Docker says so; only a failed blocking check fails.
import { describe, expect, it } from 'vitest';
import type { DoctorCheck } from '../../../src/doctor/check.js';
import { NotCheckedError } from '../../../src/doctor/doctor-context.js';
import { passes, runChecks } from '../../../src/doctor/run-checks.js';
import { doctorFixture } from '../../support/unit/doctor-fixture.js';
import { type World, useWorld } from '../../support/unit/world.js';

let w: World;
useWorld((made) => {
  w = made;
});

const check = (id: string, blocking: boolean, run: DoctorCheck['run']): DoctorCheck => ({ id, title: `${id} title`, blocking, run });

describe('runChecks', () => {
  it("a crash is that check's failure; the others still report, in order", async () => {
    const results = await runChecks(
      [
        check('fine', true, async () => ({ status: 'ok', detail: 'all good' })),
        check('crash', false, async () => {
          throw new Error('EACCES: permission denied, open\n/proc/x');
        }),
        check('later', false, async () => ({ status: 'warn', detail: 'hm', fix: 'do it' })),
      ],
      doctorFixture(w),
    );
    expect(results).toEqual([
      { id: 'fine', title: 'fine title', blocking: true, status: 'ok', detail: 'all good' },
      {
        id: 'crash',
        title: 'crash title',
        blocking: false,
        status: 'fail',
        detail: 'the check itself failed: EACCES: permission denied, open; /proc/x',
        fix: 'run `kindling doctor --verbose`; if this persists, please report it as a bug in kindling',
      },
      { id: 'later', title: 'later title', blocking: false, status: 'warn', detail: 'hm', fix: 'do it' },
    ]);
    expect(passes(results)).toBe(true);
  });

  it('runs the checks side by side, not one after the other', async () => {
    const started: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const waiting = (id: string) =>
      check(id, false, async () => {
        started.push(id);
        if (started.length === 2) release();
        await gate;
        return { status: 'ok', detail: id };
      });
    const results = await runChecks([waiting('a'), waiting('b')], doctorFixture(w));
    expect(results.map((r) => r.detail)).toEqual(['a', 'b']);
  });

  it('not checked (no Docker) is a warning pointing at the docker check', async () => {
    const [r] = await runChecks(
      [
        check('needs-docker', true, async () => {
          throw new NotCheckedError('Docker is not reachable');
        }),
      ],
      doctorFixture(w),
    );
    expect(r).toMatchObject({ status: 'warn', detail: 'not checked: Docker is not reachable', fix: expect.stringContaining('"docker"') });
  });

  it('only a failed blocking check fails the report', () => {
    const r = (blocking: boolean, status: 'ok' | 'warn' | 'fail') => ({ id: 'x', title: 'x', blocking, status, detail: '' });
    expect(passes([r(false, 'fail'), r(true, 'warn')])).toBe(true);
    expect(passes([r(true, 'fail')])).toBe(false);
  });
});
