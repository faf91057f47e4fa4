// Stops an engine binary (kind, k3d) left running by a kindling that was killed: it would go on creating the
// cluster prune is removing. SIGTERM first, so that it can clean up; SIGKILL when it has not gone in time.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcessTable } from '../../runtime/process-table.js';

/** How long an engine gets after SIGTERM. */
export const ENGINE_GRACE_MS = 10_000;

async function goneWithin(table: ProcessTable, pid: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (!table.isAlive(pid)) return true;
    await sleep(100);
  }
  return !table.isAlive(pid);
}

/** Stops `pid`; returns the signal that ended it. */
export async function stopEngine(table: ProcessTable, pid: number, graceMs = ENGINE_GRACE_MS): Promise<'SIGTERM' | 'SIGKILL'> {
  table.signal(pid, 'SIGTERM');
  if (await goneWithin(table, pid, graceMs)) return 'SIGTERM';
  table.signal(pid, 'SIGKILL');
  await goneWithin(table, pid, 5_000);
  return 'SIGKILL';
}
