// Whether a process of this machine lives: signal 0 checks without sending anything (EPERM: it lives, as another user's).
/** True when `pid` is a live process on this machine. */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
