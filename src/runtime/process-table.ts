// The other processes of this machine, as `prune` needs them: whether a pid lives, what it runs, and a signal
// to it. One seam, so that tests hand in a table of imaginary processes instead of signalling real ones.
import { readFile } from 'node:fs/promises';
import { processAlive } from './process-alive.js';

/** A view of the machine's processes. */
export interface ProcessTable {
  /** Whether a process with this pid exists (one of another user's counts). */
  isAlive(pid: number): boolean;
  /** Its argv; undefined when there is no such process or its command line cannot be read. */
  commandLine(pid: number): Promise<string[] | undefined>;
  /** Sends a signal; a process already gone is fine. */
  signal(pid: number, signal: 'SIGTERM' | 'SIGKILL'): void;
}

/** Linux's /proc/<pid>/cmdline, else `ps` (macOS). */
async function commandLine(pid: number): Promise<string[] | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((a) => a !== '');
  } catch (err) {
    if (
      (err as NodeJS.ErrnoException).code === 'ENOENT' &&
      (await readFile('/proc/self/cmdline').then(
        () => true,
        () => false,
      ))
    )
      return undefined;
  }
  const { execa } = await import('execa');
  const r = await execa('ps', ['-o', 'command=', '-p', String(pid)], { reject: false });
  const line = r.exitCode === 0 ? String(r.stdout).trim() : '';
  return line ? line.split(/\s+/) : undefined;
}

/** The real machine's processes. */
export const realProcessTable: ProcessTable = {
  isAlive: processAlive,
  commandLine,
  signal(pid, signal) {
    try {
      process.kill(pid, signal);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  },
};
