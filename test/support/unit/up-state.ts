// The state one `up` action runs with, for the unit tests of a single action: the plan, operation "op", no
// previous cluster, a 1 s timeout and a journal in the context's store.
import { openJournal } from '../../../src/apply/journal.js';
import type { UpState } from '../../../src/apply/up/up-state.js';
import type { Context } from '../../../src/context.js';
import type { Plan } from '../../../src/plan/plan.js';

/** An UpState for `plan` in `ctx`; `extra` adds or replaces fields (engineKubeconfig, ...). */
export function upState(ctx: Context, plan: Plan, extra: Partial<UpState> = {}): UpState {
  return { plan, operationId: 'op', previous: undefined, timeoutMs: 1000, journal: openJournal(ctx, 'up', 'op', plan.spec), ...extra };
}
