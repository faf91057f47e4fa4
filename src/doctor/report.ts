// The doctor's report: every check's result, the capacity per preset, and whether `up` is expected to work.
// `-o json` prints it as it is; its shape is a public interface (README "doctor").
import { recordedFootprints } from '../status/footprint.js';
import { DOCTOR_CHECKS } from './all-checks.js';
import { estimateCapacity, type CapacityEstimate } from './capacity.js';
import type { CheckResult, DoctorCheck } from './check.js';
import type { DoctorContext } from './doctor-context.js';
import { passes, runChecks } from './run-checks.js';

/** What `kindling doctor` reports. */
export interface DoctorReport {
  apiVersion: 'kindling.dev/v1alpha1';
  kind: 'DoctorReport';
  checks: CheckResult[];
  capacity: CapacityEstimate[];
  /** No blocking check failed (exit 0); false means `up` would fail (exit 5). */
  ok: boolean;
}

/** The capacity part; a store or memory that cannot be read leaves it empty rather than failing the report. */
async function capacity(d: DoctorContext): Promise<CapacityEstimate[]> {
  try {
    const [footprints, memory] = await Promise.all([recordedFootprints(d.ctx), d.host.memory()]);
    return estimateCapacity(d.presets, [...footprints.values()], memory.available);
  } catch (err) {
    d.ctx.logger.debug(`capacity not estimated: ${(err as Error).message}`);
    return [];
  }
}

/** Runs the checks and the estimate side by side. */
export async function doctorReport(d: DoctorContext, checks: readonly DoctorCheck[] = DOCTOR_CHECKS): Promise<DoctorReport> {
  const [results, estimates] = await Promise.all([runChecks(checks, d), capacity(d)]);
  return { apiVersion: 'kindling.dev/v1alpha1', kind: 'DoctorReport', checks: results, capacity: estimates, ok: passes(results) };
}
