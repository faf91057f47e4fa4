// A ProcessRunner for unit tests: it answers from a script of expected calls, matching argv exactly (and
// stdin when the expectation names it), and fails loudly on any call it was not told about.
import type { ProcessResult, ProcessRunner, RunOptions } from './process-runner.js';
import { formatCommand } from './process-runner.js';

/** One expected call and the canned answer. */
export interface RecordedCall {
  file: string;
  args: readonly string[];
  /** When set, stdin must equal this (or satisfy the predicate). */
  input?: string | ((input: string) => boolean);
  result?: Partial<Omit<ProcessResult, 'command'>>;
  /** Runs when the call is matched, e.g. to look at a temp file named in argv. */
  onCall?: (args: readonly string[], opts: RunOptions) => void;
}

/** The recorded runner plus what it saw. */
export interface RecordedRunner extends ProcessRunner {
  calls: { file: string; args: readonly string[]; opts: RunOptions }[];
  /** Throws if an expected call never came. */
  assertDone(): void;
}

/** Builds a runner that serves `script` in order. Argument matching is exact. */
export function recordedRunner(script: RecordedCall[]): RecordedRunner {
  const pending = [...script];
  const calls: RecordedRunner['calls'] = [];
  return {
    calls,
    async run(file, args, opts = {}) {
      calls.push({ file, args, opts });
      const next = pending.shift();
      const got = formatCommand(file, args);
      if (!next) throw new Error(`recorded runner: unexpected call ${got}`);
      const want = formatCommand(next.file, next.args);
      if (got !== want) throw new Error(`recorded runner: expected ${want}\n  got ${got}`);
      if (typeof next.input === 'string' && next.input !== (opts.input ?? '')) {
        throw new Error(`recorded runner: stdin of ${got} differs:\n${opts.input}`);
      }
      if (typeof next.input === 'function' && !next.input(opts.input ?? '')) {
        throw new Error(`recorded runner: stdin of ${got} rejected:\n${opts.input}`);
      }
      next.onCall?.(args, opts);
      return {
        command: got,
        exitCode: 0,
        stdout: '',
        stderr: '',
        notFound: false,
        timedOut: false,
        ...next.result,
      };
    },
    assertDone() {
      if (pending.length > 0) {
        throw new Error(
          `recorded runner: ${pending.length} expected call(s) never came, first: ${formatCommand(pending[0]!.file, pending[0]!.args)}`,
        );
      }
    },
  };
}
