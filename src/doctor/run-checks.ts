// Runs every check at once (they share Docker's answers through the DoctorContext, nothing else). A check that
// throws becomes that check's failure with its message, never the whole command's; one that could not look
// because Docker is missing says so and points at the Docker check.
import type { CheckOutcome, CheckResult, DoctorCheck } from './check.js';
import { NotCheckedError, type DoctorContext } from './doctor-context.js';

async function outcomeOf(check: DoctorCheck, d: DoctorContext): Promise<CheckOutcome> {
  try {
    return await check.run(d);
  } catch (err) {
    if (err instanceof NotCheckedError) {
      return { status: 'warn', detail: `not checked: ${err.message}`, fix: 'fix the "docker" check first, then run kindling doctor again' };
    }
    const message = err instanceof Error ? err.message : String(err);
    return {
      status: 'fail',
      detail: `the check itself failed: ${message.replace(/\s*\n\s*/g, '; ')}`,
      fix: 'run `kindling doctor --verbose`; if this persists, please report it as a bug in kindling',
    };
  }
}

/** Every check's result, in the order given. */
export async function runChecks(checks: readonly DoctorCheck[], d: DoctorContext): Promise<CheckResult[]> {
  return Promise.all(checks.map(async (c) => ({ id: c.id, title: c.title, blocking: c.blocking, ...(await outcomeOf(c, d)) })));
}

/** True when no blocking check failed: `kindling up` is expected to work (exit 0); else the command exits 5. */
export function passes(results: readonly CheckResult[]): boolean {
  return !results.some((r) => r.blocking && r.status === 'fail');
}
