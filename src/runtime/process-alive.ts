// Whether a process of this machine lives: signal 0 checks without sending anything (EPERM: it lives, as another
// user's). A zombie answers signal 0 too, but it has exited and holds nothing: where /proc tells (Linux), one is
// dead. A process killed together with its parent (a SIGKILLed test runner and its worker) stays a zombie until
// init reaps it, and an init that does not (a container's, a microVM's) leaves it so for good.
import { readFileSync } from 'node:fs';

/** The process has exited and only waits to be reaped (state Z, or X), as /proc/PID/stat says; false where it cannot tell. */
export function isZombie(pid: number, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): boolean {
  let stat: string;
  try {
    stat = read(`/proc/${pid}/stat`);
  } catch {
    return false;
  }
  // "PID (COMMAND) STATE ...": the command may hold spaces and parentheses, the state follows the last ")".
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state === 'Z' || state === 'X';
}

/** True when `pid` is a live process on this machine (not a zombie). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}
