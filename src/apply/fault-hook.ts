// A test-only fault hook for the fault-injection matrix (test/integration/faults.test.ts): enabled only when the
// environment sets KINDLING_TEST_FAULT=<op>:<step>:<fault>, which no user sets. Just before `step` of `op` runs it
//   sigkill       kills kindling outright (as the OOM killer would);
//   sigint        sends kindling a Ctrl-C;
//   kill-engine   lets the step run and SIGKILLs the first engine child (kind, k3d) it starts;
//   pause         writes <KINDLING_TEST_FAULT_DIR>/paused and waits until the test removes it (the test restarts
//                 the Docker engine meanwhile).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from '../context.js';

/** The environment variable that arms the hook (test-only; documented in the README's test section). */
export const FAULT_VARIABLE = 'KINDLING_TEST_FAULT';

const FAULTS = ['sigkill', 'sigint', 'kill-engine', 'pause'] as const;

/** The hook for operation `op`, or undefined when no fault is armed for it. */
export function faultHook(ctx: Context, op: string): ((step: string) => Promise<void>) | undefined {
  const armed = ctx.env[FAULT_VARIABLE];
  if (!armed) return undefined;
  const [faultOp, faultStep, fault] = armed.split(':');
  if (faultOp !== op || !FAULTS.includes(fault as (typeof FAULTS)[number])) return undefined;
  let fired = false;
  return async (step) => {
    if (step !== faultStep || fired) return;
    fired = true;
    if (fault === 'sigkill') {
      process.kill(process.pid, 'SIGKILL');
      await sleep(60_000);
    } else if (fault === 'sigint') {
      process.kill(process.pid, 'SIGINT');
      // Let the handler abort the operation before the step starts.
      await sleep(100);
    } else if (fault === 'kill-engine') {
      const unwatch = ctx.watchProcesses(({ pid, running }) => {
        if (!running) return;
        unwatch();
        process.kill(pid, 'SIGKILL');
      });
    } else {
      const dir = ctx.env.KINDLING_TEST_FAULT_DIR ?? ctx.cwd;
      const marker = join(dir, 'paused');
      await writeFile(marker, `${op}:${step}\n`);
      while (existsSync(marker)) await sleep(200);
    }
  };
}
