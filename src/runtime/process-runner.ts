// The one seam through which kindling runs other programs (kind, k3d). The real runner uses execa with
// argument arrays (never a shell string); tests use the recorded runner in recorded-process-runner.ts.

/** What to run, with optional stdin, environment and time limit. */
export interface RunOptions {
  input?: string;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The outcome of one process, failed or not: runners never throw for a non-zero exit. */
export interface ProcessResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The binary could not be found (ENOENT). */
  notFound: boolean;
  timedOut: boolean;
}

/** Runs a program and reports its result. */
export interface ProcessRunner {
  run(file: string, args: readonly string[], opts?: RunOptions): Promise<ProcessResult>;
}

/** Quotes argv for messages only (never executed through a shell). */
export function formatCommand(file: string, args: readonly string[]): string {
  return [file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Told when a child process starts and when it ends (the operation journal records the engine child's pid). */
export type ProcessListener = (event: { pid: number; command: string; running: boolean }) => void;

/** The real runner: execa, reject disabled, stdin from `input`, environment given explicitly. */
export async function createExecaRunner(listener?: ProcessListener): Promise<ProcessRunner> {
  const { execa } = await import('execa');
  return {
    async run(file, args, opts = {}) {
      const child = execa(file, [...args], {
        reject: false,
        input: opts.input ?? '',
        env: opts.env,
        extendEnv: opts.env === undefined,
        timeout: opts.timeoutMs,
        cancelSignal: opts.signal,
        stripFinalNewline: false,
      });
      const pid = child.pid;
      if (pid !== undefined) listener?.({ pid, command: formatCommand(file, args), running: true });
      const result = await child;
      if (pid !== undefined) listener?.({ pid, command: formatCommand(file, args), running: false });
      const code = (result as { code?: string }).code;
      return {
        command: formatCommand(file, args),
        exitCode: result.exitCode ?? (result.failed ? -1 : 0),
        stdout: String(result.stdout ?? ''),
        stderr: String(result.stderr ?? '') || (code === 'ENOENT' ? String(result.message ?? '') : ''),
        notFound: code === 'ENOENT',
        timedOut: Boolean(result.timedOut),
      };
    },
  };
}
