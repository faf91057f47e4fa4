// The shape of one `kindling doctor` check: an id, a title, whether its failure would make `up` fail, and a run
// that looks at one thing and says ok, warn or fail with a detail and, when not ok, how to fix it.
import type { DoctorContext } from './doctor-context.js';

/** ok: fine; warn: works, with a cost or a risk; fail: broken. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

/** What a check found. `fix` is set whenever the status is not ok. */
export interface CheckOutcome {
  status: CheckStatus;
  detail: string;
  fix?: string;
}

/** One check of the machine. */
export interface DoctorCheck {
  id: string;
  title: string;
  /** Its failure would make `kindling up` fail (the command then exits 5). */
  blocking: boolean;
  run(d: DoctorContext): Promise<CheckOutcome>;
}

/** A check's outcome as the report lists it. */
export interface CheckResult extends CheckOutcome {
  id: string;
  title: string;
  blocking: boolean;
}

/** An ok outcome. */
export const ok = (detail: string): CheckOutcome => ({ status: 'ok', detail });

/** A warning and what to do about it. */
export const warn = (detail: string, fix: string): CheckOutcome => ({ status: 'warn', detail, fix });

/** A failure and how to fix it. */
export const fail = (detail: string, fix: string): CheckOutcome => ({ status: 'fail', detail, fix });
